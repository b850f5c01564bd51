/**
 * The benchmark's England corpus (scripts/bench/england.ts, `npm run bench -- --england`): what it
 * does to the importer's output so that the build accepts it (and nothing more), how it gives
 * councils' inspections of the same month each a slug of its own, and that a document it cannot
 * use is named with the reason, never dropped. On fictional reports: the importer's ILACS fixture
 * about Exampleshire, as text and as a PDF drawn for the test (tests/helpers/pdf.ts).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildProblems,
  englandFolders,
  importEngland,
  placeReport,
  prepareReport,
  shiftMonths,
  writeEngland,
  type EnglandDocument,
} from '../../../scripts/bench/england.ts';
import { writeCorpus } from '../../../scripts/bench/corpus.ts';
import { measureReports } from '../../../scripts/bench/profile.ts';
import { seededRandom } from '../../../scripts/bench/random.ts';
import { importDocument } from '../../../src/lib/importer/index.ts';
import { stripFrontmatter } from '../../../src/lib/importer/blocks.ts';
import { parseParagraphs } from '../../../src/lib/record/paragraphs.ts';
import { buildRecord } from '../../../src/lib/record/build-record.ts';
import { expectedSlug } from '../../../src/lib/record/report-entries.ts';
import { parseYamlList } from '../../../src/lib/utils/yaml-list.ts';
import { eventSchema, reportSchema, themeSchema, weaknessSchema, type ReportData } from '../../../src/lib/record/schema.ts';
import { layoutPdf } from '../../helpers/pdf.ts';
import { readRecordReports } from '../../helpers/record-reports.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const themes = parseYamlList(await readFile(path.join(repoRoot, 'content/themes.yaml'), 'utf8'), 'themes.yaml', themeSchema).items;
const themeIds = new Set(themes.map((theme) => theme.id));
const text = await readFile(path.join(repoRoot, 'tests/fixtures/letters/ilacs-report.txt'), 'utf8');
const imported = importDocument(text, { fileName: 'exampleshire.txt', themes });
const row: EnglandDocument = {
  folder: 'england',
  file: 'exampleshire-2024-11-20-inspection.pdf',
  council: 'Exampleshire',
  published: '2024-11-20',
  url: 'https://files.ofsted.gov.uk/v1/file/123',
};

const workDir = await mkdtemp(path.join(tmpdir(), 'herefordshire-bench-england-'));
afterAll(() => rm(workDir, { recursive: true, force: true }));

const frontmatterOf = (mdx: string): Record<string, unknown> => parse(/^---\n([\s\S]*?)\n---\n/.exec(mdx)![1]!) as Record<string, unknown>;

describe('a report as the importer writes it', () => {
  it('is refused by the build: unreviewed suggested themes (the fixture is what the bench starts from)', () => {
    expect(imported.mdx).toContain(' suggested>');
    expect(imported.frontmatter.headline).toMatch(/^TODO/);
    expect(buildProblems(frontmatterOf(imported.mdx), stripFrontmatter(imported.mdx), themeIds).join('\n')).toMatch(/suggested themes/);
  });
});

describe('prepareReport: the importer’s report made into one the build accepts', () => {
  const prepared = prepareReport(imported, row, themeIds);

  it('passes the build’s checks: schema, paragraphs, themes, judgement areas', () => {
    expect(buildProblems(prepared.frontmatter, prepared.body, themeIds)).toEqual([]);
    expect(reportSchema.safeParse(prepared.frontmatter).success).toBe(true);
  });

  it('says it is a benchmark placeholder, and takes published and the source from index.csv', () => {
    expect(prepared.frontmatter.headline).toBe('Benchmark placeholder: Exampleshire’s report, imported by the importer and not edited');
    expect(prepared.frontmatter.published).toBe('2024-11-20');
    expect(prepared.frontmatter.sources).toEqual([{ title: 'Ofsted: Inspection of Exampleshire local authority children’s services', url: 'https://files.ofsted.gov.uk/v1/file/123' }]);
  });

  it('keeps a publication date the document prints, over index.csv', () => {
    const printed = imported.mdx.replace('visitEnd: 2024-10-11\n', 'visitEnd: 2024-10-11\npublished: 2024-11-19\n');
    expect(prepareReport({ ...imported, mdx: printed }, row, themeIds).frontmatter.published).toBe('2024-11-19');
  });

  it('changes nothing else: the same fields, and the same body but for the word suggested', () => {
    const { headline, published, sources, ...rest } = prepared.frontmatter;
    const original = frontmatterOf(imported.mdx);
    expect(rest).toEqual(Object.fromEntries(Object.entries(original).filter(([key]) => !['headline', 'published', 'sources'].includes(key))));
    expect([headline, published, sources].every((value) => value !== undefined)).toBe(true);
    expect(prepared.body).toBe(stripFrontmatter(imported.mdx).replaceAll(' suggested>', '>').replace(/^\n+/, ''));
  });

  it('keeps the suggested themes as the paragraphs’ themes', () => {
    const before = parseParagraphs(stripFrontmatter(imported.mdx), { file: 'before', mode: 'ofsted' }).paragraphs;
    const after = parseParagraphs(prepared.body, { file: 'after', mode: 'ofsted' }).paragraphs;
    expect(after.map((paragraph) => [paragraph.id, paragraph.themes])).toEqual(before.map((paragraph) => [paragraph.id, paragraph.themes]));
    expect(after.some((paragraph) => paragraph.themes.length > 0)).toBe(true);
    expect(after.every((paragraph) => !paragraph.suggested)).toBe(true);
  });

  it('attaches a footnote whose mark the importer could not place to the title', () => {
    const unplaced = imported.mdx.replace('of="what-needs-to-improve"', 'of="TODO-where-is-the-mark"');
    expect(buildProblems(frontmatterOf(unplaced), stripFrontmatter(unplaced).replaceAll(' suggested>', '>'), themeIds).join('\n')).toMatch(/TODO-where-is-the-mark/);
    const result = prepareReport({ ...imported, mdx: unplaced }, row, themeIds);
    expect(result.body).toContain('<Footnote mark="1" of="title">');
    expect(buildProblems(result.frontmatter, result.body, themeIds)).toEqual([]);
  });

  it('refuses, with the reason, a report the build would still refuse', () => {
    const unmapped = imported.mdx.replace('area: Overall effectiveness', 'area: Overall effectivness');
    expect(() => prepareReport({ ...imported, mdx: unmapped }, row, themeIds)).toThrow(/judgement area “Overall effectivness” is not mapped/);
    const skipped = imported.mdx.replace('5\\. Children come into care', '7\\. Children come into care');
    expect(() => prepareReport({ ...imported, mdx: skipped }, row, themeIds)).toThrow(/paragraph number 7 skips/);
  });
});

describe('shiftMonths', () => {
  it('moves a date by whole months, across years, keeping the day or the month’s last', () => {
    expect(shiftMonths('2024-09-30', 1)).toBe('2024-10-30');
    expect(shiftMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(shiftMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(shiftMonths('2024-11-15', 3)).toBe('2025-02-15');
    expect(shiftMonths('2024-02-10', -2)).toBe('2023-12-10');
    expect(shiftMonths('2024-05', -13)).toBe('2023-04');
  });
});

describe('placeReport: a slug of its own in the corpus', () => {
  const prepared = prepareReport(imported, row, themeIds);

  it('keeps the report’s own month when its slug is free', () => {
    const placed = placeReport(prepared, new Set(['2024-08-inspection']));
    expect(placed).toMatchObject({ slug: '2024-09-inspection', shiftedMonths: 0 });
    expect(frontmatterOf(placed.mdx)).toMatchObject({ visitStart: '2024-09-30', visitEnd: '2024-10-11', published: '2024-11-20' });
    expect(frontmatterOf(placed.mdx).headline).not.toMatch(/moved/);
  });

  it('moves every date to the nearest free month, later first, and says so in the headline', () => {
    const placed = placeReport(prepared, new Set(['2024-09-inspection', '2024-10-inspection']));
    expect(placed).toMatchObject({ slug: '2024-08-inspection', shiftedMonths: -1 });
    const frontmatter = frontmatterOf(placed.mdx);
    expect(frontmatter).toMatchObject({ visitStart: '2024-08-30', visitEnd: '2024-09-11', published: '2024-10-20' });
    expect(frontmatter.headline).toMatch(/its dates moved from 2024-09 to 2024-08, so that its slug is unique in the benchmark/);
    const data = reportSchema.parse(frontmatter);
    expect(expectedSlug(data as ReportData)).toBe(placed.slug);
    expect(placed.mdx.endsWith(prepared.body)).toBe(true);
  });
});

describe('englandFolders', () => {
  it('fails, naming the folder, when the real reports are not there', () => {
    expect(() => englandFolders(path.join(workDir, 'no-shared'))).toThrow(new RegExp(`--england .*${path.join(workDir, 'no-shared', 'sources', 'england', 'index.csv').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});

describe('importEngland and writeEngland, on a shared folder of fictional reports', () => {
  it('imports each PDF, names each one left out with the reason, and writes the rest where the build accepts them', async () => {
    const shared = path.join(workDir, 'shared');
    const england = path.join(shared, 'sources/england');
    const neighbours = path.join(shared, 'sources/neighbours');
    await mkdir(england, { recursive: true });
    await mkdir(path.join(neighbours, 'wyvernshire'), { recursive: true });
    const pdf = await layoutPdf(text);
    const wyvern = await layoutPdf(text.replaceAll('Exampleshire', 'Wyvernshire'));
    await writeFile(path.join(england, 'exampleshire-2024-11-20-inspection.pdf'), pdf);
    await writeFile(path.join(england, 'broken-2025-01-01-inspection.pdf'), '<!DOCTYPE html><html><body>Not a PDF</body></html>');
    await writeFile(path.join(england, 'unlisted-2025-02-02-inspection.pdf'), pdf);
    await writeFile(path.join(neighbours, 'wyvernshire/2024-11-21-inspection.pdf'), wyvern);
    await writeFile(
      path.join(england, 'index.csv'),
      [
        'file,council,la_code,published,official_url,framework',
        'exampleshire-2024-11-20-inspection.pdf,Exampleshire,999,2024-11-20,https://files.ofsted.gov.uk/v1/file/1,standard',
        'broken-2025-01-01-inspection.pdf,Broken,998,2025-01-01,https://files.ofsted.gov.uk/v1/file/2,standard',
        'absent-2025-03-03-inspection.pdf,Absent,997,2025-03-03,https://files.ofsted.gov.uk/v1/file/3,standard',
      ].join('\n'),
    );
    await writeFile(
      path.join(neighbours, 'index.csv'),
      ['file,council,la_code,published,official_url,framework', 'wyvernshire/2024-11-21-inspection.pdf,Wyvernshire,996,2024-11-21,https://files.ofsted.gov.uk/v1/file/4,short'].join('\n'),
    );

    const result = await importEngland(shared, themes);
    expect(result.documents).toBe(5);
    expect(result.prepared.map((report) => report.name)).toEqual(['england/exampleshire-2024-11-20-inspection.pdf', 'neighbours/wyvernshire/2024-11-21-inspection.pdf']);
    expect(result.leftOut.map((item) => item.name).sort()).toEqual([
      'england/absent-2025-03-03-inspection.pdf',
      'england/broken-2025-01-01-inspection.pdf',
      'england/unlisted-2025-02-02-inspection.pdf',
    ]);
    const reasons = Object.fromEntries(result.leftOut.map((item) => [item.name, item.reason]));
    expect(reasons['england/absent-2025-03-03-inspection.pdf']).toMatch(/not there/);
    expect(reasons['england/broken-2025-01-01-inspection.pdf']).toMatch(/^the importer refused it: /);
    expect(reasons['england/unlisted-2025-02-02-inspection.pdf']).toMatch(/not listed in its folder’s index.csv/);

    // Beside a small synthetic corpus that already has an inspection in September 2024, which keeps its slug.
    const contentDir = path.join(workDir, 'content');
    const profile = await measureReports(path.join(repoRoot, 'content/reports'));
    await writeCorpus({ realContentDir: path.join(repoRoot, 'content'), targetContentDir: contentDir, count: 5, random: seededRandom(3), profile });
    const reportsDir = path.join(contentDir, 'reports');
    const september = placeReport(prepareReport(imported, row, themeIds), new Set());
    await writeFile(path.join(reportsDir, `${september.slug}.mdx`), september.mdx);
    const before = new Set(await readdir(reportsDir));
    const { written, moved } = await writeEngland(reportsDir, result.prepared);
    expect({ written, moved }).toEqual({ written: 2, moved: 2 });
    const added = (await readdir(reportsDir)).filter((name) => !before.has(name)).sort();
    expect(added).toEqual(['2024-08-inspection.mdx', '2024-10-inspection.mdx']);

    // The whole corpus through the build's model code, as tests/unit/scripts/bench-corpus.test.ts does.
    const reports = await readRecordReports(reportsDir, await readdir(reportsDir));
    const yaml = async (name: string) => readFile(path.join(contentDir, name), 'utf8');
    const { problems } = buildRecord({
      themes: parseYamlList(await yaml('themes.yaml'), 'themes.yaml', themeSchema).items,
      weaknesses: parseYamlList(await yaml('weaknesses.yaml'), 'weaknesses.yaml', weaknessSchema).items,
      events: parseYamlList(await yaml('events.yaml'), 'events.yaml', eventSchema).items,
      reports,
    });
    expect(problems).toEqual([]);
  }, 60_000);
});
