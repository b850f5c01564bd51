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
import { builtPage, repoRoot, text } from '../helpers/site.ts';

interface FrontmatterSource {
  title: string;
  url?: string;
  note?: string;
}

interface ReportFile {
  slug: string;
  text: 'full' | 'summary';
  visitStart: string;
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
      return { ...data, visitStart: String(data.visitStart), slug: name.replace(/\.mdx$/, '') };
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
      // The pointer to Ofsted's own letter comes first (DESIGN.md §3).
      expect(new URL(report.sources[0]!.url!).hostname, report.slug).toBe('reports.ofsted.gov.uk');
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
    for (const sitePath of ['/weaknesses/', '/']) {
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
});

describe('the home page', () => {
  it('lists every report in the timeline in date order, and the judgement in force is Good, from the 2025 inspection', async () => {
    const { tree } = await builtPage('/');
    const oldestFirst = [...reports].sort((a, b) => a.visitStart.localeCompare(b.visitStart) || a.slug.localeCompare(b.slug));
    const reportItems = selectAll('.timeline > li', tree).filter((item) => select('h3 a', item));
    expect(reportItems.map((item) => select('h3 a', item)!.properties.href)).toEqual(
      oldestFirst.map((report) => `/reports/${report.slug}/`),
    );
    expect(reportItems.map((item) => select('time', item)!.properties.dateTime)).toEqual(
      oldestFirst.map((report) => report.visitStart),
    );
    for (const item of reportItems) {
      const report = bySlug.get(/\/reports\/([a-z0-9-]+)\//.exec(String(select('h3 a', item)!.properties.href))![1]!)!;
      expect(text(item).endsWith('(our summary)'), report.slug).toBe(report.text === 'summary');
    }

    const current = select('.current-position', tree)!;
    expect(text(current)).toContain('Judgement in force: Good, from the inspection of November 2025.');
    const judgementLink = selectAll('a', current).find((a) => text(a) === 'inspection of November 2025')!;
    expect(judgementLink.properties.href).toBe('/reports/2025-11-inspection/');
  });
});
