/**
 * A real build over a record longer than the pages show: the real content plus two made-up
 * monitoring visits (tests/fixtures/long-record), fourteen visits after 2018 where the matrix,
 * the home page's strips and each weakness's journey show the latest twelve (LATEST_VISITS). The
 * caption and a note must say so and link to where the two earlier visits' statuses are, and a
 * weakness's page must list its earlier visits a line each. (The real record has exactly twelve:
 * tests/site/record-pages.test.ts checks that nothing is left out there.)
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, text } from '../helpers/site.ts';
import { buildSite } from './global-setup.ts';

const FIXTURES = path.join(repoRoot, 'tests/fixtures/long-record');
const workDir = await mkdtemp(path.join(tmpdir(), 'herefordshire-long-'));
afterAll(() => rm(workDir, { recursive: true, force: true }));

describe('a record of fourteen visits after 2018, built', () => {
  const distDir = path.join(workDir, 'dist');
  const page = async (sitePath: string) => fromHtml(await readFile(path.join(distDir, sitePath, 'index.html'), 'utf8'));

  beforeAll(async () => {
    const content = path.join(workDir, 'content');
    await cp(path.join(repoRoot, 'content'), content, { recursive: true });
    for (const file of await readdir(FIXTURES)) await cp(path.join(FIXTURES, file), path.join(content, 'reports', file));
    await buildSite(distDir, { CONTENT_DIR: content });
  }, 300_000);

  it('shows the latest twelve visits in the matrix, says so in the caption, and links to the earlier two', async () => {
    const tree = await page('weaknesses');
    const table = select('table.matrix', tree)!;
    expect(text(select('caption', table)!)).toMatch(/^How each weakness found in 2018 stood at the latest 12 of 14 later inspection and monitoring visits \(/);
    const columns = selectAll('thead th[scope="col"]', table).map(text);
    expect(columns).toHaveLength(13);
    expect([columns[1], columns.at(-1)]).toEqual(['Focused visit July 2021', 'Visit 9 June 2026']);
    for (const row of selectAll('tbody tr', table)) expect(selectAll('td', row)).toHaveLength(12);
    for (const strip of selectAll('.matrix-narrow .strip', tree)) expect(selectAll('.strip-cell', strip)).toHaveLength(12);
    expect(text(select('p.lead', tree)!)).toContain('This table shows how each one stood at the latest 12 of 14 later visits,');
    const note = select('p.matrix-earlier', tree)!;
    expect(text(note)).toMatch(/^The 2 earlier visits, from Focused visit, January 2019 to Focused visit, December 2019, are not in the table\. Each weakness’s own page/);
    expect(selectAll('a', note).map((a) => a.properties.href)).toEqual(['/data/progress.csv', '/reports/']);
  });

  it('quotes a weakness’s latest twelve visits and lists the earlier ones that examined it, with status and paragraph links', async () => {
    const tree = await page('weaknesses/supervision');
    expect(selectAll('.journey-step', tree)).toHaveLength(12);
    expect(selectAll('.strip-cell', tree)).toHaveLength(12);
    expect(text(select('.journey-step h3', tree)!)).toBe('Focused visit, July 2021');
    expect(selectAll('figure.quote figcaption a', tree).map((a) => String(a.properties.href)).filter((href) => href.startsWith('/reports/2019-'))).toEqual([]);
    expect(select('a[href="#earlier-visits"]', tree)).toBeDefined();
    const earlier = select('section[aria-labelledby="earlier-visits"]', tree)!;
    expect(text(select('h2', earlier)!)).toBe('Earlier visits');
    expect(text(select('p', earlier)!)).toBe(
      'All 2 visits before Focused visit, July 2021 looked at this weakness: each is listed here, oldest first, with its status and the paragraphs that justify it.',
    );
    const items = selectAll('.earlier-visits li', earlier);
    expect(items.map(text)).toEqual([
      'Focused visit, January 2019: ◐ Some progress; paragraph 25, paragraph 10',
      'Focused visit, December 2019: ✕ Not improved; paragraph 3, paragraph 13, paragraph 5',
    ]);
    expect(selectAll('a', items[0]!).map((a) => a.properties.href)).toEqual([
      '/reports/2019-01-focused-visit/',
      '/reports/2019-01-focused-visit/#p25',
      '/reports/2019-01-focused-visit/#p10',
    ]);
  });

  it('says so on a weakness that no earlier visit examined', async () => {
    const tree = await page('weaknesses/life-story-work');
    expect(selectAll('.journey-step', tree)).toHaveLength(12);
    const earlier = select('section[aria-labelledby="earlier-visits"]', tree)!;
    expect(text(select('p', earlier)!)).toBe('None of the 2 visits before Focused visit, July 2021 looked at this weakness.');
    expect(select('.earlier-visits', earlier)).toBeUndefined();
  });

  it('keeps the home page’s strips to the latest twelve too', async () => {
    const tree = await page('');
    const strips = select('section[aria-labelledby="strips-heading"]', tree)!;
    expect(text(select('p', strips)!)).toContain('The latest 12 of 14 visits.');
    for (const strip of selectAll('.strip', strips)) expect(selectAll('.strip-cell', strip)).toHaveLength(12);
  });
});
