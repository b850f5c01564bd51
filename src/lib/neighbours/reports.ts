/**
 * The inspection reports of Herefordshire's statistical neighbours (issue 26): each one another
 * council's report, published in full with Ofsted's paragraph numbers, and never annotated by an
 * editor. Built once per build from content/neighbours/<council>/<slug>.mdx (src/loaders/neighbours.ts)
 * and checked here: anything wrong fails the build with the file, the line and the fix.
 *
 * What the checks refuse, and why:
 * - a file whose folder is not its council's (`lancashire/` for Lancashire) or whose name is not
 *   the slug its frontmatter implies: the address /neighbours/<council>/<slug>/ is permanent;
 * - a council code that is not one of the statistical neighbours (statistical-neighbours.json);
 * - a judgement area no line of the judgement history knows (a future framework): it must be
 *   mapped by a person (AREA_SERIES), never dropped;
 * - a weakness status (`progress`): the 2018 weaknesses are Herefordshire's, and a status is an
 *   editor's judgement about Herefordshire's services;
 * - a theme id that content/themes.yaml does not have.
 * Themes on these reports are the importer's keyword suggestions, and stay marked `suggested`:
 * the pages label them as machine-suggested, not reviewed.
 */
import type { NeighbourReportData, Theme } from '../record/schema.ts';
import type { ReportParagraph } from '../record/paragraphs.ts';
import { expectedSlug } from '../record/report-entries.ts';
import { paragraphLabel } from '../record/paragraph-numbering.ts';
import { seriesForArea } from '../pictures/judgement-history.ts';
import type { ContentProblem } from '../utils/content-problems.ts';
import { formatMonth } from '../utils/dates.ts';

export const NEIGHBOURS_FOLDER = 'content/neighbours';

/** A council a report may be of: one of the statistical neighbours, as their list names them. */
export interface NeighbourCouncil {
  laCode: string;
  name: string;
}

/** A report as the loader hands it over: its collection id is `<council>/<slug>`. */
export interface NeighbourReportInput {
  id: string;
  /** Path from the repository root, for messages. */
  file: string;
  data: NeighbourReportData;
  paragraphs: ReportParagraph[];
}

export interface NeighbourReport extends NeighbourReportInput {
  /** The council's folder and the first part of its address: `east-riding-of-yorkshire`. */
  councilSlug: string;
  /** The report's own part of the address: `2023-01-inspection`. */
  slug: string;
  /** The council as the statistical neighbours list names it. */
  council: string;
  laCode: string;
}

export interface NeighbourCouncilReports extends NeighbourCouncil {
  councilSlug: string;
  /** Newest first. */
  reports: NeighbourReport[];
}

export interface NeighbourRecord {
  /** Every report, newest first (by the visit's first day; the id breaks ties). */
  reports: NeighbourReport[];
  /** The councils in the neighbours list's order (closest first), those with reports only. */
  councils: NeighbourCouncilReports[];
  byId: ReadonlyMap<string, NeighbourReport>;
}

/** A council's folder name: its name as the DfE writes it, in lower case with hyphens. */
export function councilSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "Lancashire: inspection, May 2026": unique across the neighbours' reports, for headings and <title>. */
export function neighbourTitle(report: Pick<NeighbourReport, 'council' | 'data'>): string {
  return `${report.council}: inspection, ${formatMonth(report.data.visitStart)}`;
}

/**
 * Reads the reports against the neighbours list and the themes, and returns them in order with
 * every problem (each naming its file and, for a paragraph, its line).
 */
export function buildNeighbourRecord(
  inputs: readonly NeighbourReportInput[],
  neighbours: readonly NeighbourCouncil[],
  themes: readonly Pick<Theme, 'id'>[],
  neighboursFile = 'content/england/statistical-neighbours.json',
): { record: NeighbourRecord; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const byCode = new Map(neighbours.map((council) => [council.laCode, council]));
  const themeIds = new Set(themes.map((theme) => theme.id));
  const reports: NeighbourReport[] = [];
  for (const input of inputs) {
    const { data, file } = input;
    const [folder = '', name = '', ...rest] = input.id.split('/');
    const council = byCode.get(data.laCode);
    if (!council) {
      problems.push({
        file,
        line: 1,
        message: `laCode ${data.laCode} (${data.authority}) is not one of Herefordshire’s statistical neighbours in ${neighboursFile}.`,
        fix: `check the code against the DfE’s list; only the neighbours’ reports belong in ${NEIGHBOURS_FOLDER}/.`,
      });
    }
    const wantedFolder = council ? councilSlug(council.name) : undefined;
    const slug = expectedSlug(data);
    if (rest.length > 0 || name === '' || (wantedFolder !== undefined && folder !== wantedFolder) || name !== slug) {
      problems.push({
        file,
        line: 1,
        message: `the file is not where its frontmatter puts it (laCode ${data.laCode}, visitStart ${data.visitStart}).`,
        fix: `move it to ${NEIGHBOURS_FOLDER}/${wantedFolder ?? '<council>'}/${slug}.mdx, or correct the frontmatter.`,
      });
    }
    for (const { area } of data.judgements) {
      if (!seriesForArea(area)) {
        problems.push({
          file,
          line: 1,
          message: `grades “${area}”, a judgement area the site does not know (a new inspection framework?).`,
          fix: 'map it to the judgement it corresponds to in AREA_SERIES (src/lib/pictures/judgement-history.ts), or check the report’s table was read right.',
        });
      }
    }
    for (const paragraph of input.paragraphs) {
      const line = paragraph.annotationLine ?? paragraph.line;
      if (paragraph.progress.length > 0) {
        problems.push({
          file,
          line,
          message: `${paragraphLabel(paragraph.ref)} gives a 2018 weakness a status, but this is another council’s report.`,
          fix: 'remove progress: the 2018 weaknesses and their statuses are about Herefordshire only.',
        });
      }
      if (paragraph.note !== undefined) {
        problems.push({ file, line, message: `${paragraphLabel(paragraph.ref)} has an editor’s note, but the neighbours’ reports are not annotated.`, fix: 'remove note.' });
      }
      for (const theme of paragraph.themes) {
        if (!themeIds.has(theme)) problems.push({ file, line, message: `unknown theme "${theme}" on ${paragraphLabel(paragraph.ref)}.`, fix: 'use ids from content/themes.yaml, or import the report again (npm run neighbours).' });
      }
    }
    reports.push({ ...input, councilSlug: folder, slug: name, council: council?.name ?? data.authority, laCode: data.laCode });
  }
  const seen = new Map<string, string>();
  for (const report of reports) {
    const key = `${report.laCode} ${report.data.visitStart}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) problems.push({ file: report.file, line: 1, message: `is the same inspection as ${earlier} (council ${report.laCode}, visit from ${report.data.visitStart}).`, fix: 'keep one of the two files.' });
    seen.set(key, report.file);
  }
  reports.sort((a, b) => (a.data.visitStart < b.data.visitStart ? 1 : a.data.visitStart > b.data.visitStart ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const councils = neighbours
    .map((council) => ({ ...council, councilSlug: councilSlug(council.name), reports: reports.filter((report) => report.laCode === council.laCode) }))
    .filter((council) => council.reports.length > 0);
  return { record: { reports, councils, byId: new Map(reports.map((report) => [report.id, report])) }, problems };
}

/**
 * The report's overall judgement (overall effectiveness, or the single inspection framework's
 * overall judgement), or undefined: from 1 April 2026 Ofsted gives none, and none is filled in.
 */
export function overallGrade(data: Pick<NeighbourReportData, 'judgements'>): NeighbourReportData['judgements'][number]['grade'] | undefined {
  return data.judgements.find(({ area }) => seriesForArea(area)?.series.includes('overall'))?.grade;
}
