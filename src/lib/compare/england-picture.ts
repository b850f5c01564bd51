/**
 * England's picture from the latest reports: for each judgement area, how many councils have each
 * grade, each count with the councils it counts (so that every figure can link to its reports and
 * each report to its official address); and a council's place in it (Herefordshire's and its
 * statistical neighbours').
 *
 * The judgement areas of different frameworks are one line through AREA_SERIES, as in the
 * judgement history: a report that judged children in care and care leavers together (2018-23)
 * is counted on both lines, with the area in its own words. A report under the framework from
 * April 2026 has no overall judgement: it is counted as that, its own count, never as a grade.
 */
import { GRADES, type Grade } from '../record/schema.ts';
import { gradeName, NO_OVERALL_LABEL, seriesForArea, SERIES_IDS, SERIES_LABELS, type SeriesId } from '../pictures/judgement-history.ts';
import type { ComparisonData, LatestReport, LatestReports } from './data.ts';

/** A report under the framework from April 2026, which gives no overall judgement. */
export const NO_OVERALL = 'no-overall' as const;
export type Count = Grade | typeof NO_OVERALL;
export { NO_OVERALL_LABEL };

/** A council a count counts, with what a page needs to link to its report. */
export interface CountedCouncil {
  laCode: string;
  council: string;
  published: string;
  officialUrl: string;
  /** The judgement area in the report's own words; absent for “no overall judgement”. */
  area?: string;
}

export interface GradeCount {
  count: Count;
  /** "Good", "Requires improvement to be good", or NO_OVERALL_LABEL. */
  label: string;
  /** Sorted by council name. */
  councils: CountedCouncil[];
}

export interface AreaPicture {
  series: SeriesId;
  label: string;
  /** Best grade first; the overall line ends with “no overall judgement”. */
  counts: GradeCount[];
  /** The councils counted on this line (every council). */
  total: number;
}

export interface EnglandPicture {
  /** The newest publication date of the reports counted. */
  asAt: string;
  councils: number;
  areas: AreaPicture[];
}

export function countLabel(count: Count): string {
  return count === NO_OVERALL ? NO_OVERALL_LABEL : gradeName(count);
}

function counted(report: LatestReport, area?: string): CountedCouncil {
  return { laCode: report.laCode, council: report.council, published: report.published, officialUrl: report.officialUrl, ...(area === undefined ? {} : { area }) };
}

/** Where one report stands on one line: its grade and area there, or no overall judgement. */
function standing(report: LatestReport, series: SeriesId): { count: Count; area?: string } {
  const judgement = report.judgements.find(({ area }) => seriesForArea(area)?.series.includes(series));
  if (judgement) return { count: judgement.grade, area: judgement.area };
  // The data's schema (data.ts) allows a missing judgement only for the overall one, from April 2026.
  if (series === 'overall') return { count: NO_OVERALL };
  throw new Error(`The report of ${report.council} (${report.laCode}) has no judgement on the “${SERIES_LABELS[series]}” line: read the data through readComparisonData (src/lib/compare/data.ts), which refuses it.`);
}

/** How many councils have each grade, for each judgement area, with the councils each count counts. */
export function englandPicture(latest: LatestReports): EnglandPicture {
  const areas = SERIES_IDS.map((series): AreaPicture => {
    const counts: Count[] = series === 'overall' ? [...GRADES, NO_OVERALL] : [...GRADES];
    const byCount = new Map<Count, CountedCouncil[]>(counts.map((count) => [count, []]));
    for (const report of latest.reports) {
      const { count, area } = standing(report, series);
      byCount.get(count)!.push(counted(report, area));
    }
    return {
      series,
      label: SERIES_LABELS[series],
      counts: counts.map((count) => ({ count, label: countLabel(count), councils: byCount.get(count)!.sort((a, b) => a.council.localeCompare(b.council, 'en')) })),
      total: latest.reports.length,
    };
  });
  const asAt = latest.reports.reduce((newest, report) => (report.published > newest ? report.published : newest), '');
  return { asAt, councils: latest.reports.length, areas };
}

export interface CouncilPlace {
  laCode: string;
  council: string;
  published: string;
  officialUrl: string;
  /** One per line, in SERIES_IDS order. */
  areas: Array<{
    series: SeriesId;
    count: Count;
    label: string;
    /** The area in the report's own words; absent for “no overall judgement”. */
    area?: string;
    /** How many councils of England share this place (the council included), of `total`. */
    sharedWith: number;
    /** How many have a better grade and how many a worse one; absent for “no overall judgement”, which is neither. */
    better?: number;
    worse?: number;
    total: number;
  }>;
}

/** A council's place in England's picture; throws, naming the code, for a council with no report. */
export function councilPlace(picture: EnglandPicture, code: string): CouncilPlace {
  let report: CountedCouncil | undefined;
  const areas = picture.areas.map((line) => {
    const found = line.counts.find((count) => count.councils.some((council) => council.laCode === code));
    if (!found) throw new Error(`No report of council ${code} is counted in England’s picture: its code matches no report in content/england/latest-reports.json.`);
    const council = found.councils.find((entry) => entry.laCode === code)!;
    report ??= council;
    const rank = found.count === NO_OVERALL ? undefined : GRADES.indexOf(found.count);
    const graded = (keep: (grade: Grade) => boolean) => line.counts.filter((count) => count.count !== NO_OVERALL && keep(count.count)).reduce((sum, count) => sum + count.councils.length, 0);
    return {
      series: line.series,
      count: found.count,
      label: found.label,
      ...(council.area === undefined ? {} : { area: council.area }),
      sharedWith: found.councils.length,
      ...(rank === undefined ? {} : { better: graded((grade) => GRADES.indexOf(grade) < rank), worse: graded((grade) => GRADES.indexOf(grade) > rank) }),
      total: line.total,
    };
  });
  const { laCode, council, published, officialUrl } = report!;
  return { laCode, council, published, officialUrl, areas };
}

/** Herefordshire's place and each statistical neighbour's (closest first), in England's picture. */
export function comparisonPlaces(data: ComparisonData): { picture: EnglandPicture; council: CouncilPlace; neighbours: CouncilPlace[] } {
  const picture = englandPicture(data.latest);
  return {
    picture,
    council: councilPlace(picture, data.neighbours.council.laCode),
    neighbours: data.neighbours.neighbours.map((neighbour) => councilPlace(picture, neighbour.laCode)),
  };
}

/** The counts as one line per judgement area, as the command prints them. */
export function pictureSummary(picture: EnglandPicture): string[] {
  return picture.areas.map((line) => `${line.label}: ${line.counts.map((count) => `${count.councils.length} ${count.label.charAt(0).toLowerCase()}${count.label.slice(1)}`).join(', ')}`);
}

/**
 * One line of a council's place, in words: “one of 61 councils judged good: 46 are judged better
 * and 35 worse; 11 have no overall judgement (the framework from April 2026).”
 */
export function placeWords(line: CouncilPlace['areas'][number]): string {
  const councils = (count: number) => `${count} ${count === 1 ? 'council' : 'councils'}`;
  if (line.count === NO_OVERALL) {
    return `one of ${councils(line.sharedWith)} of England’s ${line.total} whose latest report, under the framework from April 2026, gives no overall judgement; the others’ reports give one.`;
  }
  const better = line.better ?? 0;
  const worse = line.worse ?? 0;
  const without = line.total - line.sharedWith - better - worse;
  const grade = line.count === 'requires-improvement' ? 'to require improvement to be good' : line.label.toLowerCase();
  const betterWords = better === 0 ? 'none is judged better' : `${better} ${better === 1 ? 'is' : 'are'} judged better`;
  const withoutWords = without > 0 ? `; ${without} ${without === 1 ? 'has' : 'have'} no overall judgement (the framework from April 2026)` : '';
  return `one of ${councils(line.sharedWith)} of England’s ${line.total} judged ${grade}: ${betterWords} and ${worse} worse${withoutWords}.`;
}
