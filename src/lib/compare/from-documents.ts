/**
 * England's latest reports from their documents (`npm run england`, scripts/england.ts, and the
 * test that recounts them): the folder's index.csv gives each file with its council, DfE code,
 * publication date, official address and inspection type; the importer reads each document; this
 * module checks the two agree and makes the record the data file holds. Pure: the command reads
 * the files and runs the importer.
 */
import { isPartialDate } from '../utils/dates.ts';
import { parseCsv } from '../utils/csv.ts';
import type { ContentProblem } from '../utils/content-problems.ts';
import { judgementProblems, latestReportSchema, type LatestReport, type LatestReports } from './data.ts';

/** One row of the folder's index.csv. */
export interface IndexRow {
  file: string;
  council: string;
  laCode: string;
  published: string;
  officialUrl: string;
  framework?: 'standard' | 'short';
}

/** What the importer read from a document, as far as the comparison needs it. */
export interface ImportedFacts {
  kind: string;
  authority: string;
  visitStart: string;
  visitEnd?: string;
  /** Only the 2014-18 reports print their publication date. */
  published?: string;
  judgements?: ReadonlyArray<{ area: string; grade: string }>;
}

const INDEX_COLUMNS = ['file', 'council', 'la_code', 'published', 'official_url', 'framework'] as const;

/**
 * The index's rows, or the problems that stop the command (each naming the row). England's folder
 * holds each council's latest report only; the neighbours' folder (`severalPerCouncil`) every
 * report of each.
 */
export function parseEnglandIndex(text: string, indexFile: string, options: { severalPerCouncil?: boolean } = {}): { rows: IndexRow[]; problems: ContentProblem[] } {
  const records = parseCsv(text.replace(/^\uFEFF/, ''));
  const problems: ContentProblem[] = [];
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]!.split(',');
  const absent = INDEX_COLUMNS.filter((column) => !header.includes(column));
  if (absent.length > 0) {
    return { rows: [], problems: [{ file: indexFile, line: 1, message: `has no column ${absent.join(', ')}.`, fix: `give it the columns ${INDEX_COLUMNS.join(',')}.` }] };
  }
  const rows: IndexRow[] = [];
  const files = new Set<string>();
  const codes = new Map<string, string>();
  records.forEach((record, index) => {
    // The header is line 1; no field of the index spans lines.
    const line = index + 2;
    const bad = (message: string, fix: string) => problems.push({ file: indexFile, line, message, fix });
    const row = { file: record.file!.trim(), council: record.council!.trim(), laCode: record.la_code!.trim(), published: record.published!.trim(), officialUrl: record.official_url!.trim(), framework: record.framework!.trim() };
    if (!/\.pdf$/i.test(row.file)) return bad(`file “${row.file}” is not a PDF.`, 'name the report’s PDF in the folder.');
    if (row.council === '') bad(`${row.file} has no council.`, 'give the council’s name as the DfE lists it.');
    if (!/^\d{3}$/.test(row.laCode)) bad(`${row.file}: la_code “${row.laCode}” is not a DfE local authority code (three digits).`, 'give the council’s DfE code, e.g. 884.');
    if (!isPartialDate(row.published) || row.published.length !== 10) bad(`${row.file}: published “${row.published}” is not a date (YYYY-MM-DD).`, 'give the date Ofsted published the report.');
    if (!/^https:\/\/\S+$/.test(row.officialUrl)) bad(`${row.file}: official_url “${row.officialUrl}” is not an https:// address.`, 'give the report’s address on files.ofsted.gov.uk.');
    if (row.framework !== '' && row.framework !== 'standard' && row.framework !== 'short') bad(`${row.file}: framework “${row.framework}” is neither standard nor short.`, 'give standard, short, or leave it empty.');
    if (files.has(row.file)) bad(`${row.file} is listed twice.`, 'list each file once.');
    const earlier = codes.get(row.laCode);
    if (earlier !== undefined && !options.severalPerCouncil) bad(`la_code ${row.laCode} is given to both ${earlier} and ${row.file}.`, 'keep only each council’s latest report.');
    files.add(row.file);
    codes.set(row.laCode, row.file);
    rows.push({ ...row, framework: row.framework === 'standard' || row.framework === 'short' ? row.framework : undefined });
  });
  if (rows.length === 0 && problems.length === 0) problems.push({ file: indexFile, message: 'lists no report.', fix: 'list each council’s latest report, one a row.' });
  return { rows, problems };
}

/** A council's name, for comparing the index's with the document's: the words that name the place. */
function placeWords(name: string): string[] {
  const words = name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((word) => word !== '');
  const place = words.filter((word) => !['london', 'borough', 'of', 'city', 'council', 'county', 'royal', 'metropolitan', 'the'].includes(word));
  // "City of London" is all such words: then they are the name.
  return place.length > 0 ? place : words;
}

/**
 * Do the index and the document name the same council? The DfE's list and Ofsted's title word
 * them differently ("Bristol, City of" and "Bristol"; "Hammersmith and Fulham" and "London Borough
 * of Hammersmith & Fulham"; "East Riding of Yorkshire" and "East Riding"), so the words that name
 * the place are compared, the shorter name a start of the longer ("Somerset" is not a start of
 * "North Somerset").
 */
export function sameCouncil(indexName: string, documentName: string): boolean {
  const [a, b] = [placeWords(indexName), placeWords(documentName)];
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shorter.length > 0 && shorter.every((word, index) => longer[index] === word);
}

/**
 * The record of one report, or what makes its index row and its document disagree: another kind
 * of document, another council, dates after its publication, no judgements, or judgements the
 * comparison cannot place. `documentFile` names the document in each problem.
 */
export function latestReport(row: IndexRow, facts: ImportedFacts, documentFile: string): { report?: LatestReport; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const rowFix = 'check the file is the council’s latest inspection report and its row in index.csv is right (or make the importer read it right), then run the command again';
  const add = (message: string, fix = rowFix) => problems.push({ file: documentFile, message, fix });
  if (facts.kind !== 'inspection') add(`is a ${facts.kind} letter, not an inspection report.`);
  if (!sameCouncil(row.council, facts.authority)) add(`is about ${facts.authority}, but index.csv gives it to ${row.council} (${row.laCode}).`);
  const visitEnd = facts.visitEnd ?? facts.visitStart;
  if (visitEnd > row.published) add(`its inspection ended on ${visitEnd}, after the publication date index.csv gives (${row.published}).`);
  if (facts.published !== undefined && facts.published !== row.published) add(`says it was published on ${facts.published}, but index.csv says ${row.published}.`);
  const judgements = (facts.judgements ?? []).map(({ area, grade }) => ({ area, grade }));
  if (judgements.length === 0) {
    add('no judgement was read from it.', 'make the importer read its judgement table (npm run import -- <file> --stdout shows what it reads), then run the command again');
    return { problems };
  }
  const candidate = {
    laCode: row.laCode,
    council: row.council,
    file: row.file,
    published: row.published,
    officialUrl: row.officialUrl,
    ...(row.framework ? { framework: row.framework } : {}),
    visitStart: facts.visitStart,
    visitEnd,
    judgements,
  };
  const parsed = latestReportSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(`${issue.path.join('.')}: ${issue.message}`);
    return { problems };
  }
  problems.push(...judgementProblems(parsed.data, documentFile, 'the report', 'run the command again'));
  return problems.length > 0 ? { problems } : { report: parsed.data, problems };
}

export const LATEST_REPORTS_ABOUT =
  'The latest Ofsted inspection report of each English council with children’s services, one record per council, sorted by DfE code: ' +
  'the council, its DfE local authority code, publication date, official address and inspection type from the England folder’s index.csv, ' +
  'and the inspection dates and judgements exactly as the project’s importer read them from each document (no overall judgement where the framework from April 2026 gives none). ' +
  'Written by `npm run england` from the documents; never edit it by hand (README, “England’s latest reports”).';

/** The data file's contents: the reports sorted by DfE code. */
export function latestReportsData(reports: readonly LatestReport[]): LatestReports {
  return { about: LATEST_REPORTS_ABOUT, reports: [...reports].sort((a, b) => a.laCode.localeCompare(b.laCode)) };
}
