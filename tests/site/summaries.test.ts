/**
 * Our summaries and their sources, read from the built site: every source is a real link (or says
 * why it has none), every summary is labelled as ours and no letter is, every status judged from a
 * summary says so in the matrix, and the home page tells the whole record in date order.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatDate } from '../../src/lib/utils/dates.ts';
import { shortTitle } from '../../src/lib/record/report-entries.ts';
import type { ReportData } from '../../src/lib/record/schema.ts';
import { builtPage, repoRoot, text } from '../helpers/site.ts';

interface FrontmatterSource {
  title: string;
  url?: string;
  note?: string;
}

interface ReportFile {
  slug: string;
  kind: ReportData['kind'];
  visitNumber?: number;
  text: 'full' | 'summary';
  visitStart: string;
  letterDate?: string;
  published?: string;
  inspectors?: string[];
  leadInspectorNamed?: boolean;
  sources: FrontmatterSource[];
}

const SUMMARY_LABEL = 'This is our summary, not Ofsted’s letter.';
const FROM_SUMMARY = '(from our summary)';

/** The frontmatter of every content/reports/*.mdx, read directly from the files. */
async function reportFiles(): Promise<ReportFile[]> {
  const dir = path.join(repoRoot, 'content/reports');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.mdx')).sort();
  return Promise.all(
    names.map(async (name) => {
      const source = await readFile(path.join(dir, name), 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
      if (!match) throw new Error(`${name} has no frontmatter`);
      const data = parse(match[1]!) as Omit<ReportFile, 'slug'>;
      // YAML reads an unquoted day as a Date: keep every date as the YYYY-MM(-DD) the file says.
      const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value === undefined ? undefined : String(value));
      return {
        ...data,
        visitStart: day(data.visitStart)!,
        letterDate: day(data.letterDate),
        published: day(data.published),
        slug: name.replace(/\.mdx$/, ''),
      };
    }),
  );
}

let reports: ReportFile[];
let bySlug: Map<string, ReportFile>;

beforeAll(async () => {
  reports = await reportFiles();
  bySlug = new Map(reports.map((report) => [report.slug, report]));
  // Both kinds are present, so no assertion below passes for want of a case.
  expect(reports.filter((report) => report.text === 'summary').length).toBeGreaterThan(1);
  expect(reports.filter((report) => report.text === 'full').length).toBeGreaterThan(0);
});

describe('sources', () => {
  it('are well-formed http(s) links on every report page, or show why there is no link, the official letter first', async () => {
    for (const report of reports) {
      const { tree } = await builtPage(`/reports/${report.slug}/`);
      const facts = select('.facts', tree)!;
      expect(facts, report.slug).toBeDefined();
      const links = selectAll('dd a', facts).map((a) => ({ href: String(a.properties.href), words: text(a) }));
      expect(report.sources.length, report.slug).toBeGreaterThan(0);
      // The pointer to Ofsted's own letter comes first (DESIGN.md §3); where Ofsted published none,
      // the first source has no link and says so (monitoring visit 1).
      const official = report.sources[0]!;
      if (official.url === undefined) expect(official.note, report.slug).toMatch(/Ofsted did not publish/);
      else expect(new URL(official.url).hostname, report.slug).toMatch(/(^|\.)ofsted\.gov\.uk$/);
      for (const source of report.sources) {
        expect(source.title.trim().length, report.slug).toBeGreaterThan(0);
        if (source.url === undefined) {
          expect(source.note, `${report.slug}: "${source.title}" has neither url nor note`).toBeTruthy();
          expect(text(facts), report.slug).toContain(`${source.title} (no link: ${source.note})`);
          continue;
        }
        const parsed = new URL(source.url);
        expect(['http:', 'https:'], `${report.slug}: ${source.url}`).toContain(parsed.protocol);
        expect(parsed.hostname, `${report.slug}: ${source.url}`).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
        expect(source.url, `${report.slug}: ${source.url}`).not.toMatch(/\s/);
        expect(links, `${report.slug}: ${source.url}`).toContainEqual({ href: source.url, words: source.title });
      }
    }
  });
});

describe('the summary label', () => {
  it('is shown on every summary page, and on no page that holds the letter in full', async () => {
    for (const report of reports) {
      const { tree } = await builtPage(`/reports/${report.slug}/`);
      const notices = selectAll('.notice', tree).map(text);
      if (report.text === 'summary') {
        expect(notices, report.slug).toHaveLength(1);
        expect(notices[0], report.slug).toMatch(/^This is our summary, not Ofsted’s letter\./);
        expect(select('article.letter', tree)!.properties.ariaLabel, report.slug).toBe('Our summary');
      } else {
        expect(notices.some((notice) => notice.includes(SUMMARY_LABEL)), report.slug).toBe(false);
        expect(text(select('main', tree)!), report.slug).not.toContain('This is our summary');
      }
    }
  });
});

describe('statuses judged from a summary', () => {
  /** The report slug each column of a matrix is about, read from its header link. */
  function columnSlugs(table: Element): string[] {
    return selectAll('thead th[scope="col"]', table)
      .slice(1)
      .map((th) => /^\/reports\/([a-z0-9-]+)\/$/.exec(String(select('a', th)!.properties.href))![1]!);
  }

  async function matrixOf(sitePath: string): Promise<Element> {
    const { tree }: { tree: Root } = await builtPage(sitePath);
    return select('table.matrix', tree)!;
  }

  it('say “(from our summary)” in every examined cell of a summary’s column, and never in a letter’s column', async () => {
    for (const sitePath of ['/weaknesses/']) {
      const table = await matrixOf(sitePath);
      const slugs = columnSlugs(table);
      expect(slugs.length, sitePath).toBeGreaterThan(0);
      let summaryCells = 0;
      let letterCells = 0;
      for (const row of selectAll('tbody tr', table)) {
        const cells = selectAll('td', row);
        expect(cells, sitePath).toHaveLength(slugs.length);
        cells.forEach((cell, index) => {
          const report = bySlug.get(slugs[index]!)!;
          expect(report, slugs[index]).toBeDefined();
          const words = text(cell);
          const where = `${sitePath} ${text(select('th', row)!)} / ${report.slug}: ${words}`;
          if (report.text === 'full') {
            expect(words, where).not.toContain(FROM_SUMMARY);
            if (words !== '– Not examined') letterCells += 1;
          } else if (words === '– Not examined') {
            expect(words, where).not.toContain(FROM_SUMMARY);
          } else {
            expect(words, where).toContain(FROM_SUMMARY);
            summaryCells += 1;
          }
        });
      }
      expect(summaryCells, sitePath).toBeGreaterThan(0);
      expect(letterCells, sitePath).toBeGreaterThan(0);
    }
  });

  it('say “(from our summary)” in every examined cell of a summary’s visit in the home page’s strips, marked †, and never for a letter', async () => {
    // The strips show the same visits as the matrix's columns, in the same order (all of them, today).
    const slugs = columnSlugs(await matrixOf('/weaknesses/'));
    const { tree } = await builtPage('/');
    const rows = selectAll('.strips > li', tree);
    expect(rows).toHaveLength(16);
    let summaryCells = 0;
    let letterCells = 0;
    for (const row of rows) {
      const cells = selectAll('.strip-cell', row);
      expect(cells).toHaveLength(slugs.length);
      cells.forEach((cell, index) => {
        const report = bySlug.get(slugs[index]!)!;
        const words = text(select('.visually-hidden', cell)!);
        const where = `/ ${text(select('.strip-title', row)!)} / ${report.slug}: ${words}`;
        // Each cell names its visit in words: "Monitoring visit 1, March 2023: ...".
        expect(words.startsWith(`${shortTitle({ kind: report.kind, visitNumber: report.visitNumber } as ReportData)}, ${formatDate(report.visitStart.slice(0, 7))}: `), where).toBe(true);
        const mark = text(select('.strip-mark', cell)!);
        if (report.text === 'full' || words.endsWith(': Not examined')) {
          expect(words, where).not.toContain(FROM_SUMMARY);
          expect(mark, where).not.toContain('†');
          if (report.text === 'full' && !words.endsWith(': Not examined')) letterCells += 1;
        } else {
          expect(words, where).toContain(FROM_SUMMARY);
          expect(mark, where).toContain('†');
          summaryCells += 1;
        }
      });
    }
    expect(summaryCells).toBeGreaterThan(0);
    expect(letterCells).toBeGreaterThan(0);
  });
});

describe('the home page', () => {
  it('lists every report in the timeline in date order, and the judgement in force is Good, from the 2025 inspection', async () => {
    const { tree } = await builtPage('/');
    const oldestFirst = [...reports].sort((a, b) => a.visitStart.localeCompare(b.visitStart) || a.slug.localeCompare(b.slug));
    const reportItems = selectAll('.timeline > li', tree).filter((item) => select('h4 a', item));
    expect(reportItems.map((item) => select('h4 a', item)!.properties.href)).toEqual(
      oldestFirst.map((report) => `/reports/${report.slug}/`),
    );
    expect(reportItems.map((item) => select('time', item)!.properties.dateTime)).toEqual(
      oldestFirst.map((report) => report.visitStart),
    );
    for (const item of reportItems) {
      const report = bySlug.get(/\/reports\/([a-z0-9-]+)\//.exec(String(select('h4 a', item)!.properties.href))![1]!)!;
      expect(text(item).endsWith('(our summary)'), report.slug).toBe(report.text === 'summary');
    }

    const current = select('.current-position', tree)!;
    expect(text(current)).toContain('Judgement in force: Good, from the inspection of November 2025.');
    const judgementLink = selectAll('a', current).find((a) => text(a) === 'inspection of November 2025')!;
    expect(judgementLink.properties.href).toBe('/reports/2025-11-inspection/');
  });
});

describe('the home page timeline', () => {
  it('shows each report’s letter and publication dates beside its visit dates, only where the frontmatter gives them', async () => {
    const { tree } = await builtPage('/');
    const reportItems = selectAll('.timeline > li', tree).filter((item) => select('h4 a', item));
    expect(reportItems).toHaveLength(reports.length);
    let shown = 0;
    for (const item of reportItems) {
      const report = bySlug.get(/\/reports\/([a-z0-9-]+)\//.exec(String(select('h4 a', item)!.properties.href))![1]!)!;
      const when = select('.timeline-when', item)!;
      const times = selectAll('time', when).map((time) => String(time.properties.dateTime));
      const expected = [report.visitStart];
      if (report.letterDate) expected.push(report.letterDate);
      if (report.published && report.published !== report.letterDate) expected.push(report.published);
      expect(times, report.slug).toEqual(expected);
      if (report.letterDate) expect(text(when), report.slug).toContain(`· letter ${formatDate(report.letterDate)}`);
      if (report.published && report.published !== report.letterDate) {
        expect(text(when), report.slug).toContain(`· published ${formatDate(report.published)}`);
      }
      expect(text(when), report.slug).toMatch(/^Visit /);
      shown += expected.length - 1;
    }
    expect(shown).toBeGreaterThan(5);
    // Two the sources give to the day, one only to the month.
    const text2 = selectAll('.timeline', tree).map(text).join(' ');
    expect(text2).toContain('Visit 28 and 29 June 2023 · published 2 August 2023 · Monitoring visit');
    expect(text2).toContain('Visit 21 and 22 February 2024 · published 27 March 2024 · Monitoring visit');
    expect(text2).toContain('Visit 22 and 23 October 2024 · published December 2024 · Monitoring visit');
  });

  it('shows the context events the sources add, each with a link to its source', async () => {
    const { tree } = await builtPage('/');
    // Folded: each run of events between reports is one <details>, each event an item inside it.
    const events = selectAll('.timeline-events details li.timeline-item', tree);
    expect(events.length).toBeGreaterThanOrEqual(4);
    const byTitle = new Map(events.map((item) => [text(select('h4', item)!), item]));
    for (const [title, when, host] of [
      ['Improvement notice', '18 May 2021', 'www.herefordshire.gov.uk'],
      ['Commissioner’s report published', '1 March 2023', 'www.herefordtimes.com'],
      ['Improvement partnership with Leeds', 'June 2023', 'councillors.herefordshire.gov.uk'],
      ['Change of commissioner', 'February 2025', 'www.abergavennychronicle.com'],
    ] as const) {
      const item = byTitle.get(title);
      expect(item, title).toBeDefined();
      expect(text(select('.timeline-when', item!)!), title).toMatch(new RegExp(`^${when} · `));
      const hosts = selectAll('.meta a', item!).map((a) => new URL(String(a.properties.href)).hostname);
      expect(hosts, title).toContain(host);
    }
    for (const item of events) {
      expect(selectAll('.meta a', item).length, text(select('h4', item)!)).toBeGreaterThan(0);
    }
  });
});

describe('what a review found on the summaries of monitoring visits 1 to 6', () => {
  async function page(slug: string) {
    const { tree } = await builtPage(`/reports/${slug}/`);
    return { tree, facts: text(select('.facts', tree)!), main: text(select('main', tree)!) };
  }

  it('marks a lead inspector only where the sources name one', async () => {
    for (const report of reports) {
      const { facts } = await page(report.slug);
      const named = (report.inspectors?.length ?? 0) > 0 && report.leadInspectorNamed !== false;
      expect(facts.includes('(lead inspector)'), report.slug).toBe(named);
    }
    const visit2 = await page('2023-06-monitoring-visit-2');
    expect(visit2.main).not.toContain('lead inspector');
    expect(visit2.facts).toContain('Alison Smale, Nick Bennison (the sources do not say which of them led the visit)');
  });

  it('does not say an Ofsted letter of the first visit was published, nor send readers to it', async () => {
    const { tree, facts, main } = await page('2023-03-monitoring-visit-1');
    expect(facts).toContain('Official source None published by Ofsted (no link: Ofsted did not publish the letters of first monitoring visits at the time');
    expect(selectAll('.facts a', tree).map((a) => new URL(String(a.properties.href)).hostname)).not.toContain('reports.ofsted.gov.uk');
    expect(main).not.toContain('Read the official letter');
    expect(main).not.toMatch(/Ofsted’s letter is on its reports site/);
    // The council, not Ofsted, made the findings public: no publication date is shown for a letter.
    expect(selectAll('.facts dt', tree).map(text)).not.toContain('Published');
  });

  it('cites section 17 at visit 6 without glossing it as children in need', async () => {
    const { tree } = await page('2025-02-monitoring-visit-6');
    for (const paragraph of selectAll('article.letter p', tree).map(text)) {
      if (/section 17|sections 17/.test(paragraph)) expect(paragraph).not.toMatch(/children in need/i);
    }
  });

  it('keeps exactly the reviewed statuses on the six summaries (change this list only with the paragraph that justifies it)', async () => {
    const { html } = await builtPage('/data/findings.json');
    const rows = html
      .split('\n')
      .filter((line) => line.trim().startsWith('{'))
      .map((line) => JSON.parse(line.replace(/,\s*$/, '')) as { report: string; statuses: Array<{ weakness: string; status: string }> });
    const statuses = rows
      .filter((row) => /^202[345]-\d\d-monitoring-visit-[1-6]$/.test(row.report))
      .flatMap((row) => row.statuses.map((status) => `${row.report} ${status.weakness}=${status.status}`))
      .sort();
    expect(statuses).toEqual([
      '2023-03-monitoring-visit-1 management-oversight=not-improved',
      '2023-06-monitoring-visit-2 action-planning=some-progress',
      '2023-06-monitoring-visit-2 children-in-need-practice=some-progress',
      '2023-06-monitoring-visit-2 management-oversight=not-improved',
      '2023-06-monitoring-visit-2 workforce-sufficiency=not-improved',
      '2023-09-monitoring-visit-3 action-planning=not-improved',
      '2023-09-monitoring-visit-3 education-outcomes=some-progress',
      '2023-09-monitoring-visit-3 social-worker-changes=not-improved',
      '2024-02-monitoring-visit-4 action-planning=not-improved',
      '2024-02-monitoring-visit-4 social-worker-changes=not-improved',
    ]);
  });
});
