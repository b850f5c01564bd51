/**
 * The benchmark's real corpus (`npm run bench -- --england`, issue 24): the 183 real Ofsted
 * inspection reports in ../shared (the latest report of each of England's 153 councils,
 * `sources/england/*.pdf`, and 30 of Herefordshire's ten statistical neighbours,
 * `sources/neighbours/<council>/*.pdf`), imported by the project's importer and added to a
 * benchmark corpus beside its synthetic (or real) reports.
 *
 * The importer writes a report for an editor to finish, and the build refuses what is unfinished.
 * A benchmark corpus has no editor, so `benchReport` changes the importer's output only as much as
 * the build needs, and says so on the page:
 * - the slug: the build requires `<yyyy-mm>-<kind>` from the frontmatter (src/lib/record/report-entries.ts,
 *   expectedSlug), so 183 councils' inspections collide with each other (and with the corpus's own
 *   reports) in the same month. No other name is accepted, so a report whose month is taken has
 *   all its dates moved by whole months to the nearest free month, and its headline says from when;
 * - `headline`: the importer's TODO placeholder becomes a line saying this is a benchmark
 *   placeholder for that council's report;
 * - `published` (when the document does not print it) and `sources`: from the folder's index.csv,
 *   the publication date and Ofsted's own address of the file;
 * - the themes the importer suggests for each paragraph are kept, without the `suggested` mark
 *   (the build refuses unreviewed suggestions), so that theme pages and search filters carry them
 *   as they would a reviewed record;
 * - a footnote whose mark the importer could not place (`of="TODO-where-is-the-mark"`, which the
 *   build refuses) is attached to the report's title.
 * Everything else (the words, the judgements, the inspectors) is the importer's, unchanged.
 *
 * A document the importer refuses, or whose report the build would still refuse (checked here with
 * the build's own model code), is named with the reason, never silently left out.
 *
 * Never writes into content/ or ../shared: only into the benchmark's temporary content folder.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { importPdf, type ImportResult } from '../../src/lib/importer/index.ts';
import { stripFrontmatter } from '../../src/lib/importer/blocks.ts';
import { FOOTNOTE_TARGET_UNKNOWN, frontmatterYaml } from '../../src/lib/importer/mdx.ts';
import { parseCsv } from '../../src/lib/utils/csv.ts';
import { parsePartialDate } from '../../src/lib/utils/dates.ts';
import { seriesForArea } from '../../src/lib/pictures/judgement-history.ts';
import { numberingMode, TITLE_TARGET } from '../../src/lib/record/paragraph-numbering.ts';
import { parseParagraphs } from '../../src/lib/record/paragraphs.ts';
import { expectedSlug } from '../../src/lib/record/report-entries.ts';
import type { ThemeKeywords } from '../../src/lib/importer/suggest-themes.ts';
import { reportSchema, type ReportData } from '../../src/lib/record/schema.ts';

/** The two folders of ../shared/sources the corpus reads, each with its README.md and index.csv. */
export const ENGLAND_FOLDERS = ['england', 'neighbours'] as const;
export type EnglandFolder = (typeof ENGLAND_FOLDERS)[number];

/** One real report: its file, and its row of the folder's index.csv (when it has one). */
export interface EnglandDocument {
  folder: EnglandFolder;
  /** The PDF's path inside its folder, as index.csv names it: `derbyshire/2024-01-12-inspection.pdf`. */
  file: string;
  council?: string;
  /** YYYY-MM-DD, from index.csv. */
  published?: string;
  /** Ofsted's own address of the file, from index.csv. */
  url?: string;
}

/** How a document is named in messages: `neighbours/derbyshire/2024-01-12-inspection.pdf`. */
export const documentName = (document: Pick<EnglandDocument, 'folder' | 'file'>): string => `${document.folder}/${document.file}`;

/** A document left out of the corpus, and why. */
export interface LeftOut {
  name: string;
  reason: string;
}

/** A document imported and made ready for a corpus (its slug and dates are placed per corpus). */
export interface PreparedReport {
  name: string;
  council: string;
  /** The frontmatter, as the schema's input (dates as strings), before placing. */
  frontmatter: Record<string, unknown>;
  /** The MDX body, as the build will read it. */
  body: string;
}

/**
 * The folders of the real reports, or an error naming what is missing: `--england` must never
 * build without them and look as if it had.
 */
export function englandFolders(sharedDir: string): Record<EnglandFolder, string> {
  const folders = Object.fromEntries(ENGLAND_FOLDERS.map((folder) => [folder, path.join(sharedDir, 'sources', folder)])) as Record<EnglandFolder, string>;
  const absent = ENGLAND_FOLDERS.filter((folder) => !existsSync(path.join(folders[folder], 'index.csv')));
  if (absent.length > 0) {
    throw new Error(
      `bench: --england builds over the 183 real reports in ${path.join(sharedDir, 'sources')}/{england,neighbours}, and ${absent.map((folder) => path.join(folders[folder], 'index.csv')).join(' and ')} ${absent.length === 1 ? 'is' : 'are'} not there. ` +
        'Put the project’s shared folder beside the repository (../shared), or point SHARED_DIR at it; or run without --england.',
    );
  }
  return folders;
}

/** The PDFs of a folder: `*.pdf` in england/, `<council>/*.pdf` in neighbours/. */
async function pdfsIn(folder: EnglandFolder, dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  if (folder === 'england') return entries.filter((entry) => entry.isFile() && /\.pdf$/i.test(entry.name)).map((entry) => entry.name);
  const files: string[] = [];
  for (const entry of entries.filter((item) => item.isDirectory())) {
    for (const name of await readdir(path.join(dir, entry.name))) if (/\.pdf$/i.test(name)) files.push(`${entry.name}/${name}`);
  }
  return files;
}

/**
 * Every PDF in the two folders, with its index.csv row, in a fixed order (so that the same
 * corpus places the same reports in the same months), and the rows whose file is not there.
 */
export async function listEnglandDocuments(sharedDir: string): Promise<{ documents: EnglandDocument[]; missing: LeftOut[] }> {
  const folders = englandFolders(sharedDir);
  const documents: EnglandDocument[] = [];
  const missing: LeftOut[] = [];
  for (const folder of ENGLAND_FOLDERS) {
    const rows = parseCsv(await readFile(path.join(folders[folder], 'index.csv'), 'utf8'));
    const byFile = new Map(rows.filter((row) => row.file).map((row) => [row.file!, row]));
    const files = await pdfsIn(folder, folders[folder]);
    for (const file of files.sort()) {
      const row = byFile.get(file);
      documents.push({ folder, file, council: row?.council || undefined, published: row?.published || undefined, url: row?.official_url || undefined });
    }
    const present = new Set(files);
    for (const file of byFile.keys()) {
      if (/\.pdf$/i.test(file) && !present.has(file)) missing.push({ name: documentName({ folder, file }), reason: 'listed in index.csv, but the file is not there' });
    }
  }
  return { documents, missing };
}

const SUGGESTED_MARK = / suggested>$/gm;
const UNPLACED_FOOTNOTE = new RegExp(` of="${FOOTNOTE_TARGET_UNKNOWN}"`, 'g');

/**
 * The importer's report made into one the build accepts, before its slug is placed (pure): see the
 * header for each change. Throws, with the reason, if the report still lacks what the build needs.
 */
export function prepareReport(result: Pick<ImportResult, 'mdx' | 'frontmatter'>, document: EnglandDocument, themeIds: ReadonlySet<string>): PreparedReport {
  const name = documentName(document);
  const council = document.council ?? result.frontmatter.authority;
  const frontmatter: Record<string, unknown> = { ...(parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(result.mdx)?.[1] ?? '') as Record<string, unknown>) };
  frontmatter.headline = `Benchmark placeholder: ${council}’s report, imported by the importer and not edited`;
  if (frontmatter.published === undefined && document.published) frontmatter.published = document.published;
  if (document.url) frontmatter.sources = [{ title: `Ofsted: ${String(frontmatter.title ?? `${council}’s inspection report`)}`, url: document.url }];
  const body = stripFrontmatter(result.mdx)
    .replace(SUGGESTED_MARK, '>')
    .replace(UNPLACED_FOOTNOTE, ` of="${TITLE_TARGET}"`)
    .replace(/^\n+/, '');
  const problems = buildProblems(frontmatter, body, themeIds);
  if (problems.length > 0) throw new Error(problems.join('; '));
  return { name, council, frontmatter, body };
}

/**
 * What the build would refuse in a report, found with the build's own code: the schema, the
 * paragraphs and annotations (src/lib/record/paragraphs.ts), the themes, and the judgement areas the home
 * page's chart maps (src/lib/pictures/judgement-history.ts). The slug is placed later, from the frontmatter.
 */
export function buildProblems(frontmatter: Record<string, unknown>, body: string, themeIds: ReadonlySet<string>): string[] {
  const checked = reportSchema.safeParse(frontmatter);
  if (!checked.success) return checked.error.issues.map((issue) => `frontmatter ${issue.path.join('.') || ''}: ${issue.message}`);
  const data = checked.data;
  const problems: string[] = [];
  const parsed = parseParagraphs(body, { file: 'report', mode: numberingMode(data.paragraphNumbers) });
  for (const problem of parsed.problems) problems.push(`line ${problem.line ?? '?'} of the body: ${problem.message}`);
  for (const paragraph of parsed.paragraphs) {
    if (paragraph.suggested) problems.push(`paragraph ${paragraph.id} still has suggested themes`);
    for (const theme of paragraph.themes) if (!themeIds.has(theme)) problems.push(`paragraph ${paragraph.id} has an unknown theme "${theme}"`);
  }
  for (const judgement of data.judgements) {
    if (!seriesForArea(judgement.area)) problems.push(`judgement area “${judgement.area}” is not mapped in src/lib/pictures/judgement-history.ts`);
  }
  if (body.includes('TODO')) problems.push('a TODO placeholder is left in the body');
  return problems;
}

/** A date moved by whole months, its day kept (or the month's last day, where it has fewer). */
export function shiftMonths(date: string, months: number): string {
  const parts = parsePartialDate(date);
  if (!parts) throw new Error(`Not a date: "${date}".`);
  const index = parts.year * 12 + (parts.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const yyyyMm = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  if (parts.day === undefined) return yyyyMm;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${yyyyMm}-${String(Math.min(parts.day, lastDay)).padStart(2, '0')}`;
}

const DATE_FIELDS = ['visitStart', 'visitEnd', 'letterDate', 'published'] as const;
/** How far a report may move to find a free month: a century either way, beyond any corpus. */
const MAX_SHIFT_MONTHS = 1200;

/** A report placed in a corpus: its file name and text. */
export interface PlacedReport {
  slug: string;
  mdx: string;
  /** Months its dates were moved by (0: its own month was free). */
  shiftedMonths: number;
}

/**
 * Places a prepared report in a corpus whose slugs are `taken` (pure): in its own month if that
 * slug is free, else in the nearest free month (later first at equal distance), every date moved
 * by the same number of months (which keeps their order) and the headline saying so.
 */
export function placeReport(report: PreparedReport, taken: ReadonlySet<string>): PlacedReport {
  for (let distance = 0; distance <= MAX_SHIFT_MONTHS; distance++) {
    for (const months of distance === 0 ? [0] : [distance, -distance]) {
      const frontmatter = { ...report.frontmatter };
      for (const field of DATE_FIELDS) {
        if (typeof frontmatter[field] === 'string') frontmatter[field] = shiftMonths(frontmatter[field], months);
      }
      const slug = expectedSlug(frontmatter as unknown as ReportData);
      if (taken.has(slug)) continue;
      if (months !== 0) {
        const from = String(report.frontmatter.visitStart).slice(0, 7);
        frontmatter.headline = `${String(frontmatter.headline)} (its dates moved from ${from} to ${String(frontmatter.visitStart).slice(0, 7)}, so that its slug is unique in the benchmark)`;
      }
      const checked = reportSchema.safeParse(frontmatter);
      if (!checked.success) throw new Error(`${report.name}: moved ${months} months, its frontmatter is not valid (${checked.error.issues[0]?.message ?? 'invalid'})`);
      return { slug, mdx: `---\n${frontmatterYaml(frontmatter)}---\n\n${report.body}`, shiftedMonths: months };
    }
  }
  throw new Error(`${report.name}: no free month within ${MAX_SHIFT_MONTHS / 12} years of its own for its slug`);
}

export interface EnglandImport {
  /** PDFs found in the two folders. */
  documents: number;
  prepared: PreparedReport[];
  leftOut: LeftOut[];
}

/**
 * Imports every PDF in the two folders with the importer (`importPdf`, the themes of
 * `themes.yaml` suggested as `npm run import` does) and prepares each for a corpus. `onProgress`
 * hears each document as it is done (about a second each).
 */
export async function importEngland(sharedDir: string, themes: readonly ThemeKeywords[], onProgress?: (done: number, total: number) => void): Promise<EnglandImport> {
  const folders = englandFolders(sharedDir);
  const { documents, missing } = await listEnglandDocuments(sharedDir);
  const themeIds = new Set(themes.map((theme) => theme.id));
  const prepared: PreparedReport[] = [];
  const leftOut: LeftOut[] = [...missing];
  for (const [index, document] of documents.entries()) {
    const name = documentName(document);
    try {
      if (!document.council) throw new Error('not listed in its folder’s index.csv');
      const bytes = await readFile(path.join(folders[document.folder], document.file));
      let result: ImportResult;
      try {
        result = await importPdf(bytes, { fileName: name, themes });
      } catch (error) {
        throw new Error(`the importer refused it: ${error instanceof Error ? error.message : String(error)}`);
      }
      try {
        prepared.push(prepareReport(result, document, themeIds));
      } catch (error) {
        throw new Error(`the build would refuse its report: ${error instanceof Error ? error.message : String(error)}`);
      }
    } catch (error) {
      leftOut.push({ name, reason: error instanceof Error ? error.message : String(error) });
    }
    onProgress?.(index + 1, documents.length);
  }
  return { documents: documents.length + missing.length, prepared, leftOut };
}

/** Adds the prepared reports to a corpus's reports folder, around the slugs already in it. */
export async function writeEngland(reportsDir: string, reports: readonly PreparedReport[]): Promise<{ written: number; moved: number }> {
  const taken = new Set((await readdir(reportsDir)).filter((name) => name.endsWith('.mdx')).map((name) => name.slice(0, -'.mdx'.length)));
  let moved = 0;
  for (const report of reports) {
    const placed = placeReport(report, taken);
    taken.add(placed.slug);
    if (placed.shiftedMonths !== 0) moved++;
    await writeFile(path.join(reportsDir, `${placed.slug}.mdx`), placed.mdx, { flag: 'wx' });
  }
  return { written: reports.length, moved };
}
