/**
 * The comparison's data (issue 26): England's latest inspection reports, one per council, as the
 * importer read each document (content/england/latest-reports.json, written by `npm run england`,
 * never by hand), and Herefordshire's statistical neighbours (content/england/statistical-neighbours.json,
 * the DfE model's list with its source).
 *
 * The schemas live here rather than in src/lib/record/schema.ts because a report's judgement
 * areas are checked against AREA_SERIES (src/lib/pictures/judgement-history.ts), which the
 * record may not import. What they refuse, each problem naming the file and the fix:
 * - a judgement area no line of the judgement history knows (a future framework): it must be
 *   mapped by a person, never dropped or mapped silently;
 * - a report without a judgement in each of the four areas, or without the overall judgement
 *   before April 2026 (or with one after: Ofsted stopped giving it on 1 April 2026);
 * - two reports of one council, and a council code in the neighbours list that matches no report.
 */
import { z } from 'zod';
import { GRADES, laCode, partialDate } from '../record/schema.ts';
import { FRAMEWORK_2026_FROM, seriesForArea, SERIES_IDS, type SeriesId } from '../pictures/judgement-history.ts';
import { ContentError, type ContentProblem } from '../utils/content-problems.ts';

/** From 1 April 2026 Ofsted gives four judgements and no overall effectiveness judgement (defined beside the judgement lines). */
export { FRAMEWORK_2026_FROM } from '../pictures/judgement-history.ts';

// The DfE's local authority code is the record's (a neighbour's report carries it too).
export { laCode } from '../record/schema.ts';

const officialUrl = z.url({ protocol: /^https$/, message: 'Expected the report’s official https:// address (files.ofsted.gov.uk).' });

export const latestReportSchema = z.object({
  laCode,
  /** The council as the DfE's list names it (the folder's index). */
  council: z.string().min(1),
  /** The source document's file name in the England folder. */
  file: z.string().regex(/\.pdf$/i),
  published: partialDate,
  officialUrl,
  /** The ILACS inspection's type as the index gives it: a standard inspection or a short one; absent where the index gives none. */
  framework: z.enum(['standard', 'short']).optional(),
  visitStart: partialDate,
  visitEnd: partialDate,
  /** Each area and its grade exactly as the importer read the report's judgement table. */
  judgements: z.array(z.object({ area: z.string().min(1), grade: z.enum(GRADES) })).min(1),
});

export const latestReportsSchema = z.object({
  about: z.string().min(1),
  reports: z.array(latestReportSchema).min(1),
});

export const statisticalNeighboursSchema = z.object({
  about: z.string().min(1),
  source: z.object({ title: z.string().min(1), url: z.url({ protocol: /^https$/ }), note: z.string().min(1) }),
  council: z.object({ laCode, name: z.string().min(1) }),
  /** Closest first, in the model's order. */
  neighbours: z.array(z.object({ laCode, name: z.string().min(1) })).min(1),
});

export type LatestReport = z.output<typeof latestReportSchema>;
export type LatestReports = z.output<typeof latestReportsSchema>;
export type StatisticalNeighbours = z.output<typeof statisticalNeighboursSchema>;
export interface ComparisonData {
  latest: LatestReports;
  neighbours: StatisticalNeighbours;
}

export const LATEST_REPORTS_FILE = 'content/england/latest-reports.json';
export const NEIGHBOURS_FILE = 'content/england/statistical-neighbours.json';

const REFRESH = 'run `npm run england` again (README, “England’s latest reports”)';

/** Is this judgement the overall one (the SIF's and ILACS's names alike)? */
export function isOverall(area: string): boolean {
  return seriesForArea(area)?.series.includes('overall') ?? false;
}

/**
 * What is wrong with one report's judgements: an area no line knows, an area judged twice, a line
 * with no judgement, an overall judgement where the framework gives none or none where it gives
 * one. `where` names the report in each message.
 */
export function judgementProblems(report: Pick<LatestReport, 'visitStart' | 'judgements'>, file: string, where: string, fix = REFRESH): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const seen = new Map<SeriesId, string>();
  for (const { area } of report.judgements) {
    const mapped = seriesForArea(area);
    if (!mapped || mapped.series.length === 0) {
      problems.push({
        file,
        message: `${where} grades “${area}”, a judgement area the comparison does not know (a new inspection framework?).`,
        fix: `map it to the judgement it corresponds to in AREA_SERIES (src/lib/pictures/judgement-history.ts), or check the report’s table was read right; then ${fix}.`,
      });
      continue;
    }
    for (const series of mapped.series) {
      const earlier = seen.get(series);
      if (earlier !== undefined) problems.push({ file, message: `${where} has two judgements of one area: “${earlier}” and “${area}”.`, fix: `check the report’s judgement table was read right; then ${fix}.` });
      seen.set(series, area);
    }
  }
  const from2026 = report.visitStart >= FRAMEWORK_2026_FROM;
  if (seen.has('overall') && from2026) {
    problems.push({
      file,
      message: `${where} has an overall effectiveness judgement, but its inspection began on ${report.visitStart}, under the framework from April 2026, which gives none.`,
      fix: `check the report: an overall judgement is never filled in; then ${fix}.`,
    });
  }
  if (!seen.has('overall') && !from2026) {
    problems.push({
      file,
      message: `${where} has no overall effectiveness judgement, though its inspection began on ${report.visitStart}, before the framework from April 2026.`,
      fix: `check the report’s judgement table was read right; then ${fix}.`,
    });
  }
  // Any unknown area is reported above; a missing line is only worth saying when every area is known.
  if (problems.length === 0) {
    const missing = SERIES_IDS.filter((series) => series !== 'overall' && !seen.has(series));
    if (missing.length > 0) problems.push({ file, message: `${where} has no judgement of ${missing.join(', ')}.`, fix: `check the report’s judgement table was read right; then ${fix}.` });
  }
  return problems;
}

function zodProblems(error: z.ZodError, file: string): ContentProblem[] {
  return error.issues.map((issue) => ({
    file,
    message: `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`,
    fix: file === LATEST_REPORTS_FILE || file.endsWith('latest-reports.json') ? REFRESH : 'correct the field (README, “England’s latest reports”)',
  }));
}

function parseJson(text: string, file: string): { value?: unknown; problems: ContentProblem[] } {
  try {
    return { value: JSON.parse(text) as unknown, problems: [] };
  } catch (error) {
    return { problems: [{ file, message: `is not valid JSON (${(error as Error).message}).`, fix: file.endsWith('latest-reports.json') ? REFRESH : 'correct the JSON' }] };
  }
}

/** Every problem of England's latest reports: the schema, the judgements of each report, one report per council. */
export function latestReportsProblems(value: unknown, file = LATEST_REPORTS_FILE): { data?: LatestReports; problems: ContentProblem[] } {
  const parsed = latestReportsSchema.safeParse(value);
  if (!parsed.success) return { problems: zodProblems(parsed.error, file) };
  const problems: ContentProblem[] = [];
  const codes = new Map<string, string>();
  for (const report of parsed.data.reports) {
    const where = `the report of ${report.council} (${report.laCode}, ${report.file})`;
    problems.push(...judgementProblems(report, file, where));
    if (report.visitEnd < report.visitStart) problems.push({ file, message: `${where} ends (${report.visitEnd}) before it starts (${report.visitStart}).`, fix: REFRESH });
    const earlier = codes.get(report.laCode);
    if (earlier !== undefined) problems.push({ file, message: `council code ${report.laCode} has two reports: ${earlier} and ${report.file}.`, fix: `keep only each council’s latest report in the folder’s index.csv; then ${REFRESH}.` });
    codes.set(report.laCode, report.file);
  }
  return { data: parsed.data, problems };
}

/**
 * Reads and checks both files together, and throws a ContentError listing every problem, each
 * naming its file: a council code in the neighbours list must match a report.
 */
export function readComparisonData(
  latestText: string,
  neighboursText: string,
  files: { latest: string; neighbours: string } = { latest: LATEST_REPORTS_FILE, neighbours: NEIGHBOURS_FILE },
): ComparisonData {
  const problems: ContentProblem[] = [];
  const latestJson = parseJson(latestText, files.latest);
  problems.push(...latestJson.problems);
  const latest = latestJson.value === undefined ? undefined : latestReportsProblems(latestJson.value, files.latest);
  if (latest) problems.push(...latest.problems);

  const neighboursJson = parseJson(neighboursText, files.neighbours);
  problems.push(...neighboursJson.problems);
  let neighbours: StatisticalNeighbours | undefined;
  if (neighboursJson.value !== undefined) {
    const parsed = statisticalNeighboursSchema.safeParse(neighboursJson.value);
    if (parsed.success) neighbours = parsed.data;
    else problems.push(...zodProblems(parsed.error, files.neighbours));
  }

  if (latest?.data && neighbours) {
    const reported = new Set(latest.data.reports.map((report) => report.laCode));
    for (const council of [neighbours.council, ...neighbours.neighbours]) {
      if (!reported.has(council.laCode)) {
        problems.push({
          file: files.neighbours,
          message: `council code ${council.laCode} (${council.name}) matches no report in ${files.latest}.`,
          fix: `check the code against the DfE’s list, or add the council’s latest report to the England folder and ${REFRESH}.`,
        });
      }
    }
    const seen = new Set<string>();
    for (const council of neighbours.neighbours) {
      if (council.laCode === neighbours.council.laCode || seen.has(council.laCode)) {
        problems.push({ file: files.neighbours, message: `council code ${council.laCode} (${council.name}) is listed twice.`, fix: 'list each neighbour once, as the source does.' });
      }
      seen.add(council.laCode);
    }
  }
  if (problems.length > 0 || !latest?.data || !neighbours) throw new ContentError(problems);
  return { latest: latest.data, neighbours };
}
