/**
 * The comparison as open data (/data/comparison.json and /data/comparison.csv): one record per
 * council of England, from content/england/latest-reports.json, with whether it is Herefordshire
 * or one of its statistical neighbours. The column list lives here so that /data/ documents
 * exactly what the files hold. An overall judgement the framework from April 2026 does not give is
 * written as NO_OVERALL_VALUE, never as a grade and never left for a reader to guess.
 */
import { GRADES } from '../record/vocabulary.ts';
import { SERIES_IDS, SERIES_LABELS, type SeriesId } from '../pictures/judgement-history.ts';
import type { ComparisonData } from './data.ts';
import { NO_OVERALL, councilPlace, englandPicture } from './england-picture.ts';

/** In the overall column, for a report under the framework from April 2026. */
export const NO_OVERALL_VALUE = 'no overall judgement';

/** Each judgement line's column name. */
export const LINE_COLUMNS: Record<SeriesId, string> = {
  overall: 'overallEffectiveness',
  'help-and-protection': 'helpAndProtection',
  'children-in-care': 'childrenInCare',
  'care-leavers': 'careLeavers',
  leaders: 'leadership',
};

const grades = `${GRADES.slice(0, -1).join(', ')} or ${GRADES.at(-1)}`;

export const COMPARISON_COLUMNS: Array<[string, string]> = [
  ['laCode', 'The council’s local authority code in the Department for Education’s lists, e.g. 884 for Herefordshire.'],
  ['council', 'The council, as the Department for Education’s list names it.'],
  ['thisCouncil', 'true for Herefordshire, the council this site is about; false for every other.'],
  ['statisticalNeighbour', 'true for the ten councils the Department for Education’s statistical neighbour model pairs with Herefordshire; false for every other, Herefordshire included.'],
  ['neighbourRank', 'For a statistical neighbour, its place in the model’s list: 1 is the closest. Empty for every other council.'],
  ['published', 'When Ofsted published the council’s latest inspection report (YYYY-MM-DD).'],
  ['officialUrl', 'The report’s official address (files.ofsted.gov.uk).'],
  ['framework', '“standard” or “short”: the type of inspection of local authority children’s services, as Ofsted’s list gives it; empty where it gives none.'],
  ['visitStart, visitEnd', 'The first and last days inspectors were on site (YYYY-MM-DD).'],
  ...SERIES_IDS.map((series): [string, string] => [
    LINE_COLUMNS[series],
    series === 'overall'
      ? `${SERIES_LABELS[series]}: ${grades}; “${NO_OVERALL_VALUE}” for a report under the framework from 1 April 2026, which gives none (never a grade).`
      : `${SERIES_LABELS[series]}: ${grades}. Where one judgement covered children in care and care leavers together (2018 to 2023), its grade is in both columns.`,
  ]),
];

export interface ComparisonRecord {
  laCode: string;
  council: string;
  thisCouncil: boolean;
  statisticalNeighbour: boolean;
  neighbourRank: number | null;
  published: string;
  officialUrl: string;
  framework: string;
  visitStart: string;
  visitEnd: string;
  overallEffectiveness: string;
  helpAndProtection: string;
  childrenInCare: string;
  careLeavers: string;
  leadership: string;
}

export interface ComparisonFile {
  about: string;
  /** The newest publication date of the reports held. */
  asAt: string;
  sources: { reports: string; statisticalNeighbours: { title: string; url: string } };
  licence: string;
  councils: ComparisonRecord[];
}

/** One record per council, in the DfE code order of latest-reports.json. */
export function comparisonRecords(data: ComparisonData): ComparisonRecord[] {
  const picture = englandPicture(data.latest);
  const ranks = new Map(data.neighbours.neighbours.map((neighbour, index) => [neighbour.laCode, index + 1]));
  return data.latest.reports.map((report) => {
    const place = councilPlace(picture, report.laCode);
    const lines = Object.fromEntries(
      place.areas.map((line) => [LINE_COLUMNS[line.series], line.count === NO_OVERALL ? NO_OVERALL_VALUE : line.count]),
    ) as Record<(typeof LINE_COLUMNS)[SeriesId], string>;
    return {
      laCode: report.laCode,
      council: report.council,
      thisCouncil: report.laCode === data.neighbours.council.laCode,
      statisticalNeighbour: ranks.has(report.laCode),
      neighbourRank: ranks.get(report.laCode) ?? null,
      published: report.published,
      officialUrl: report.officialUrl,
      framework: report.framework ?? '',
      visitStart: report.visitStart,
      visitEnd: report.visitEnd,
      overallEffectiveness: lines.overallEffectiveness,
      helpAndProtection: lines.helpAndProtection,
      childrenInCare: lines.childrenInCare,
      careLeavers: lines.careLeavers,
      leadership: lines.leadership,
    };
  });
}

export function comparisonFile(data: ComparisonData, licence: string): ComparisonFile {
  return {
    about:
      'The latest Ofsted inspection report of each English council with children’s services, one record per council, with Herefordshire and its ten statistical neighbours marked. No overall judgement is given by the framework from 1 April 2026: such a report says so in overallEffectiveness.',
    asAt: englandPicture(data.latest).asAt,
    sources: {
      reports: 'Ofsted’s inspection reports of local authority children’s services, each at its officialUrl, with the judgements as this site’s importer read them (content/england/latest-reports.json).',
      statisticalNeighbours: { title: data.neighbours.source.title, url: data.neighbours.source.url },
    },
    licence,
    councils: comparisonRecords(data),
  };
}

/** The CSV's header and rows, in COMPARISON_COLUMNS order (visitStart and visitEnd are two columns). */
export function comparisonCsvRows(records: readonly ComparisonRecord[]): { columns: string[]; rows: string[][] } {
  const columns = COMPARISON_COLUMNS.flatMap(([name]) => name.split(', '));
  const rows = records.map((record) =>
    columns.map((column) => {
      const value = record[column as keyof ComparisonRecord];
      return value === null ? '' : String(value);
    }),
  );
  return { columns, rows };
}
