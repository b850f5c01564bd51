/**
 * A real build over content with a report that numbers its own paragraphs
 * (tests/fixtures/numbered-report, `paragraphNumbers: ofsted`, standing in for the 2018 report)
 * and weaknesses that cite it by every form of anchor: the page, the weakness pages, the
 * citations, open data and search titles must all spell and word the anchors the same way; and
 * a gap in Ofsted's numbers must fail the build, naming the file and the line.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorsInPage, paragraphText } from '../../src/lib/record/anchor-manifest.ts';
import { citation } from '../../src/lib/publish/citation.ts';
import type { FindingRecord } from '../../src/lib/publish/findings.ts';
import { parseParagraphs } from '../../src/lib/record/paragraphs.ts';
import { repoRoot, text } from '../helpers/site.ts';
import { buildSite, TEST_SITE_URL } from './global-setup.ts';

const FIXTURE = path.join(repoRoot, 'tests/fixtures/numbered-report/2018-06-inspection.mdx');
const workDir = await mkdtemp(path.join(tmpdir(), 'herefordshire-numbered-'));
afterAll(() => rm(workDir, { recursive: true, force: true }));

/** The weaknesses' sources, in file order, re-pointed at these anchors of the fixture. */
const SOURCES = ['p2', 'p2-1', 's3'];

/** A copy of the content with the fixture as the 2018 report; `change` edits the fixture's text. */
async function contentWithFixture(name: string, change: (text: string) => string = (text) => text): Promise<string> {
  const content = path.join(workDir, name);
  await cp(path.join(repoRoot, 'content'), content, { recursive: true });
  await writeFile(path.join(content, 'reports/2018-06-inspection.mdx'), change(await readFile(FIXTURE, 'utf8')));
  const weaknesses = path.join(content, 'weaknesses.yaml');
  let index = 0;
  await writeFile(
    weaknesses,
    (await readFile(weaknesses, 'utf8'))
      .replace(/source: 2018-06-inspection#p\d+/g, () => `source: 2018-06-inspection#${SOURCES[index++ % SOURCES.length]}`)
      // The fixture has no "What needs to improve" list, and the 2014 report is not what this test is about.
      .replace(/^ {2}improvementItem: .*\n/gm, '')
      .replace(/^ {2}history:\n(?: {4}.*\n)*/gm, ''),
  );
  expect(index).toBeGreaterThanOrEqual(SOURCES.length);
  return content;
}

describe('a report that numbers its own paragraphs, built', () => {
  const distDir = path.join(workDir, 'dist');
  const page = async (sitePath: string) => fromHtml(await readFile(path.join(distDir, sitePath, 'index.html'), 'utf8'));
  let weaknessIds: string[] = [];

  beforeAll(async () => {
    const content = await contentWithFixture('content');
    weaknessIds = [...(await readFile(path.join(content, 'weaknesses.yaml'), 'utf8')).matchAll(/^- id: (\S+)/gm)].map((match) => match[1]!);
    await buildSite(distDir, { CONTENT_DIR: content });
  }, 300_000);

  it('gives Ofsted’s paragraph 6 the id p6 (here 2), its points pN-k and the summary sK, as the record reads them', async () => {
    const html = await readFile(path.join(distDir, 'reports/2018-06-inspection/index.html'), 'utf8');
    const anchors = anchorsInPage(html);
    expect(anchors.map((anchor) => anchor.id)).toEqual(['s1', 's2', 's3', 's4', 'p1', 'p2', 'p2-1', 'p2-2', 'p2-3', 'p3', 'p4']);
    const tree = fromHtml(html);
    const p2 = select('article #p2', tree)!;
    expect(p2.tagName).toBe('p');
    expect(paragraphText(p2)).toMatch(/^2\. The current arrangements/);
    expect(select('a.paragraph-link', p2)!.properties.href).toBe('#p2');
    const point = select('a.paragraph-link', select('article #p2-1', tree)!)!;
    // Named in full for screen readers; the short marker is CSS generated content, not text.
    expect([point.properties.ariaLabel, point.properties.dataNumber, text(point)]).toEqual(['Link to paragraph 2, point 1', '2-1', '']);
    // The record and the page agree word for word (the frontmatter's mode reached the plugins).
    const source = await readFile(FIXTURE, 'utf8');
    const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
    expect(parseParagraphs(body, { file: 'f', mode: 'ofsted' }).paragraphs.map((p) => ({ id: p.id, text: p.text }))).toEqual(anchors);
  });

  it('makes “Copy citation” say “paragraph 2” for #p2, from the page’s own citation prefix', async () => {
    const tree = await page('reports/2018-06-inspection');
    const prefix = String(select('article.letter', tree)!.properties.dataCitation);
    const url = `${TEST_SITE_URL}reports/2018-06-inspection/`;
    expect(citation(prefix, 'p2', `${url}#p2`)).toBe(`Ofsted, Inspection of Exampleshire children’s services, letter of 20 July 2018, paragraph 2, ${url}#p2`);
    expect(citation(prefix, 'p2-1', `${url}#p2-1`)).toContain(', paragraph 2, point 1, ');
    expect(citation(prefix, 's3', `${url}#s3`)).toContain(', summary, paragraph 3, ');
  });

  it('quotes each weakness’s source with its anchor and wording', async () => {
    const expected = [
      ['/reports/2018-06-inspection/#p2', 'paragraph 2'],
      ['/reports/2018-06-inspection/#p2-1', 'paragraph 2, point 1'],
      ['/reports/2018-06-inspection/#s3', 'summary, paragraph 3'],
    ];
    for (const [index, [href, words]] of expected.entries()) {
      const tree = await page(`weaknesses/${weaknessIds[index]}`);
      const link = selectAll('figure.quote figcaption a', tree).find((a) => String(a.properties.href).startsWith('/reports/2018-06-inspection/'))!;
      expect([link.properties.href, text(link)]).toEqual([href, `Inspection, June 2018, ${words}`]);
    }
  });

  it('writes the anchors and their wording into the open data', async () => {
    const findings = JSON.parse(await readFile(path.join(distDir, 'data/findings.json'), 'utf8')) as FindingRecord[];
    const report = findings.filter((finding) => finding.report === '2018-06-inspection');
    expect(report.map((finding) => [finding.anchor, finding.label, finding.path]).slice(2, 7)).toEqual([
      ['s3', 'summary, paragraph 3', 'reports/2018-06-inspection/#s3'],
      ['s4', 'summary, paragraph 4', 'reports/2018-06-inspection/#s4'],
      ['p1', 'paragraph 1', 'reports/2018-06-inspection/#p1'],
      ['p2', 'paragraph 2', 'reports/2018-06-inspection/#p2'],
      ['p2-1', 'paragraph 2, point 1', 'reports/2018-06-inspection/#p2-1'],
    ]);
    const csv = await readFile(path.join(distDir, 'data/findings.csv'), 'utf8');
    expect(csv).toContain(',p2-1,"paragraph 2, point 1",reports/2018-06-inspection/#p2-1,');
  });
});

describe('a report whose own numbers have a gap', () => {
  it('fails the build, naming the file, the line and the fix', async () => {
    const content = await contentWithFixture('content-gap', (text) => text.replace('3\\. Social workers', '5\\. Social workers'));
    const failure = await buildSite(path.join(workDir, 'dist-gap'), { CONTENT_DIR: content }).then(
      () => undefined,
      (error: Error) => error.message,
    );
    const line = (await readFile(path.join(content, 'reports/2018-06-inspection.mdx'), 'utf8')).split('\n').findIndex((text) => text.startsWith('5\\.')) + 1;
    expect(failure).toContain(`2018-06-inspection.mdx:${line}: paragraph number 5 skips 3 to 4: Ofsted’s paragraphs must run 1, 2, 3, ... in order. Fix: `);
  }, 300_000);
});
