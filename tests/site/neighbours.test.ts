/**
 * The statistical neighbours' reports in the built site (issue 26): a page for every file in
 * content/neighbours/, unmistakably another council's (its name in the title, the heading, the
 * notice and the citation), Ofsted's paragraph numbers as anchors, the keyword themes labelled as
 * unreviewed and no weakness status anywhere; and the list at /neighbours/. Read from the built
 * HTML and the content files themselves.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { anchorsInPage } from '../../src/lib/record/anchor-manifest.ts';
import { neighbourReportSchema, type NeighbourReportData } from '../../src/lib/record/schema.ts';
import { builtPage, repoRoot, text } from '../helpers/site.ts';

const folder = path.join(repoRoot, 'content/neighbours');

/** Every neighbour's report file: its id (`<council>/<slug>`), frontmatter and body. */
async function contentFiles(): Promise<Array<{ id: string; data: NeighbourReportData; body: string }>> {
  const files: Array<{ id: string; data: NeighbourReportData; body: string }> = [];
  for (const council of (await readdir(folder)).sort()) {
    for (const name of (await readdir(path.join(folder, council))).sort()) {
      const mdx = await readFile(path.join(folder, council, name), 'utf8');
      const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(mdx) ?? [];
      files.push({ id: `${council}/${name.replace(/\.mdx$/, '')}`, data: neighbourReportSchema.parse(parse(yaml)), body });
    }
  }
  return files;
}

const files = await contentFiles();

describe('the neighbours’ report pages', () => {
  it('are the 30 reports of the ten councils', () => {
    expect(files).toHaveLength(30);
    expect(new Set(files.map((file) => file.data.laCode)).size).toBe(10);
  });

  it.each(files.map((file) => [file.id, file] as const))('%s: names its council everywhere, anchors every printed number, labels its themes, gives no status', async (id, file) => {
    const { html, tree } = await builtPage(`/neighbours/${id}/`);
    const council = file.data.authority;
    expect(text(select('title', tree)!)).toContain(`${council}: inspection,`);
    expect(text(select('h1', tree)!)).toContain(`${council}: inspection,`);
    expect(text(select('.neighbour-notice', tree)!)).toContain(`This is ${council}’s report, not Herefordshire’s.`);
    const article = select('article.letter', tree)!;
    expect(String(article.properties.dataCitation)).toMatch(new RegExp(`^Ofsted, .*${council.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    // Every number Ofsted printed ("12\." at the start of a paragraph) is an anchor: p12.
    const anchors = new Set(anchorsInPage(html).map((anchor) => anchor.id));
    const printed = [...file.body.matchAll(/^(\d+)\\\. /gm)].map((match) => `p${match[1]}`);
    if (file.data.paragraphNumbers === 'ofsted') {
      expect(printed.length).toBeGreaterThan(0);
      for (const anchor of printed) expect(anchors.has(anchor), `${id}#${anchor}`).toBe(true);
    } else {
      expect(anchors.has('p1')).toBe(true);
    }
    const labels = selectAll('.annotation', article).map(text);
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toMatch(/^Themes suggested by keyword, not reviewed: /);
    expect(html).not.toContain('2018 weaknesses:');
    expect(html).not.toContain('What happened next');
    // The facts panel's judgements are the frontmatter's; a report from April 2026 has no overall one.
    const judgements = selectAll('.facts li', tree).map(text);
    for (const { area } of file.data.judgements) expect(judgements.some((line) => line.startsWith(`${area}:`)), `${id}: ${area}`).toBe(true);
    if (file.data.visitStart >= '2026-04-01') expect(judgements.join(' ')).not.toMatch(/Overall/i);
    expect(select('.facts a[href^="https://files.ofsted.gov.uk/"]', tree)?.properties.href).toBe(file.data.sources[0]!.url);
  });
});

describe('/neighbours/', () => {
  it('lists every council closest first with each report newest first, its overall judgement or none, and its official address', async () => {
    const { tree } = await builtPage('/neighbours/');
    const list = JSON.parse(await readFile(path.join(repoRoot, 'content/england/statistical-neighbours.json'), 'utf8')) as { neighbours: Array<{ name: string }> };
    expect(selectAll('h2', tree).map(text)).toEqual(list.neighbours.map((council) => council.name));
    const items = selectAll('.neighbour-reports li', tree);
    expect(items).toHaveLength(30);
    const lancashire = items.map(text).filter((line) => line.startsWith('Inspection, May 2026'));
    expect(lancashire).toEqual([expect.stringContaining('no overall judgement (the framework from April 2026)')]);
    for (const file of files) {
      const item = items.find((candidate) => select(`a[href="/neighbours/${file.id}/"]`, candidate));
      expect(item, file.id).toBeDefined();
      expect(select(`a[href="${file.data.sources[0]!.url}"]`, item!), file.id).toBeDefined();
    }
  });
});

describe('/neighbours/<council>/', () => {
  it('lists each council’s reports, newest first, at the address a report’s shortens to', async () => {
    const councils = [...new Set(files.map((file) => file.id.split('/')[0]!))];
    expect(councils).toHaveLength(10);
    for (const council of councils) {
      const { tree } = await builtPage(`/neighbours/${council}/`);
      const mine = files.filter((file) => file.id.startsWith(`${council}/`)).sort((a, b) => (a.data.visitStart < b.data.visitStart ? 1 : -1));
      expect(text(select('h1', tree)!)).toContain(mine[0]!.data.authority);
      expect(selectAll('.neighbour-reports li > a:first-child', tree).map((link) => link.properties.href)).toEqual(mine.map((file) => `/neighbours/${file.id}/`));
    }
  });
});

describe('“In neighbouring councils” on a theme page', () => {
  it('quotes the newest ten neighbours’ paragraphs on the theme, each its page’s words, with its council and a judgement of that report', async () => {
    const { tree } = await builtPage('/themes/workforce/');
    const section = select('section.neighbour-theme', tree)!;
    expect(text(select('h2', section)!)).toBe('In neighbouring councils');
    expect(text(section)).toContain('nobody has reviewed them');
    const quotes = selectAll('figure.neighbour-quote', section);
    expect(quotes).toHaveLength(10);
    // The rest are a search away: every paragraph on the theme, both councils', newest first (tests/site/search.test.ts runs that search).
    expect(selectAll('a', section).map((a) => a.properties.href)).toContain('/search/?theme=Workforce+and+caseloads&scope=neighbours&sort=newest');
    let previous = '9999';
    for (const quote of quotes) {
      const href = String(select('figcaption a', quote)!.properties.href);
      const [, id = '', anchor = ''] = /^\/neighbours\/([^#]+)\/#(.+)$/.exec(href) ?? [];
      const file = files.find((candidate) => candidate.id === id);
      expect(file, href).toBeDefined();
      // Newest report first.
      expect(file!.data.visitStart <= previous, href).toBe(true);
      previous = file!.data.visitStart;
      const { html } = await builtPage(`/neighbours/${id}/`);
      const words = anchorsInPage(html).find((candidate) => candidate.id === anchor)?.text;
      expect(text(select('blockquote', quote)!), href).toBe(words);
      const caption = text(select('figcaption', quote)!);
      expect(caption).toContain(`${file!.data.authority}: inspection,`);
      const judgement = /in .+’s report: (.+)$/.exec(caption)?.[1] ?? '';
      if (file!.data.visitStart >= '2026-04-01') expect(judgement).not.toMatch(/^Overall/);
      expect(
        judgement === 'no overall judgement (the framework from April 2026)' || file!.data.judgements.some(({ area }) => judgement.startsWith(`${area} – `)),
        caption,
      ).toBe(true);
    }
  });
});

describe('the comparison page and the neighbours’ reports', () => {
  const WORDS: Record<string, string> = { outstanding: 'outstanding', good: 'good', 'requires-improvement': 'requires improvement to be good', inadequate: 'inadequate' };
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const month = (date: string) => `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

  it('charts every neighbour’s report with the overall judgement its frontmatter gives, linked to its page and to Ofsted’s', async () => {
    const { tree } = await builtPage('/compare/');
    const table = select('table.councils-chart-table', tree)!;
    for (const code of new Set(files.map((file) => file.data.laCode))) {
      const items = selectAll(`tr[data-la-code="${code}"] li`, table);
      const mine = files.filter((file) => file.data.laCode === code).sort((a, b) => (a.data.visitStart < b.data.visitStart ? -1 : 1));
      for (const file of mine) {
        const overall = file.data.judgements.find(({ area }) => /^overall/i.test(area));
        const words = overall ? WORDS[overall.grade] : 'no overall judgement (the framework from April 2026)';
        const item = items.find((candidate) => select(`a[href="/neighbours/${file.id}/"]`, candidate));
        expect(item, file.id).toBeDefined();
        expect(text(item!).startsWith(`${month(file.data.visitStart)}: ${words}, published`), `${file.id}: ${text(item!)}`).toBe(true);
        expect(select(`a[href="${file.data.sources[0]!.url}"]`, item!), file.id).toBeDefined();
      }
    }
  });

  it('gives each neighbour’s latest report in the table the judgements of its frontmatter, where the site holds it', async () => {
    const { tree } = await builtPage('/compare/');
    const table = select('#neighbours-table', tree)!;
    const GRADE_WORDS: Record<string, string> = { outstanding: 'Outstanding', good: 'Good', 'requires-improvement': 'Requires improvement to be good', inadequate: 'Inadequate' };
    let held = 0;
    for (const row of selectAll('tbody tr', table)) {
      const link = selectAll('a', row).find((anchor) => String(anchor.properties.href).startsWith('/neighbours/'));
      if (!link) continue;
      held += 1;
      const file = files.find((candidate) => `/neighbours/${candidate.id}/` === link.properties.href)!;
      expect(file.data.laCode).toBe(row.properties.dataLaCode);
      const cells = selectAll('td[data-series]', row).map((cell) => [String(cell.properties.dataSeries), text(cell)]);
      const overall = cells.find(([series]) => series === 'overall')![1];
      const graded = file.data.judgements.find(({ area }) => /^overall/i.test(area));
      expect(overall, file.id).toBe(graded ? GRADE_WORDS[graded.grade] : 'No overall judgement (the framework from April 2026)');
      // Every other judgement the table shows is one the report's frontmatter gives.
      for (const [series, words] of cells.filter(([series]) => series !== 'overall')) {
        expect(file.data.judgements.map(({ grade }) => GRADE_WORDS[grade]), `${file.id} ${series}`).toContain(words);
      }
    }
    expect(held).toBe(10);
  });
});
