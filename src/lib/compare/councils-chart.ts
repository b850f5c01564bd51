/**
 * The councils chart's geometry (issue 26), worked out at build time: a row per council
 * (Herefordshire first, then its statistical neighbours closest first), time across, and one
 * marker per inspection showing its overall judgement. Pure: the component
 * (src/components/councils-chart/CouncilsChart.astro) only writes these numbers into SVG.
 *
 * It takes each council's inspections as a list, so that the neighbours' earlier inspections can
 * be drawn when they are held; today the page gives it Herefordshire's inspections from the
 * record and each neighbour's latest report. Each grade has its own marker shape, colour and
 * abbreviation, so that the chart reads in black and white; a report under the framework from
 * April 2026 has its own marker, labelled as having no overall judgement, never drawn as a grade.
 * A report before then without an overall judgement (an inspection of one service only) is not
 * drawn, and is listed in `notDrawn` for the page to say so.
 */
import { GRADES, type Grade } from '../record/vocabulary.ts';
import { yearFraction } from '../pictures/judgement-chart.ts';
import { FRAMEWORK_2026_FROM, gradeName, NO_OVERALL_LABEL, seriesForArea } from '../pictures/judgement-history.ts';
import { formatMonth } from '../utils/dates.ts';

export interface ChartInspection {
  /** When inspectors started (visitStart): where the marker stands on the time axis. */
  date: string;
  published?: string;
  judgements: ReadonlyArray<{ area: string; grade: Grade }>;
  /** The report on this site, when it is one (relative to the base); absent for another council's. */
  href?: string;
  /** The report's official address, where the source gives one. */
  officialUrl?: string;
}

export interface ChartCouncil {
  laCode: string;
  name: string;
  /** Herefordshire itself, or one of its statistical neighbours. */
  role: 'council' | 'neighbour';
  inspections: readonly ChartInspection[];
}

/** What a marker shows: the overall grade, or no overall judgement (the framework from April 2026). */
export type Mark = Grade | 'no-overall';

export type MarkShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'dashed-ring';

export interface MarkStyle {
  shape: MarkShape;
  /** Meets 3:1 against white and against the highlighted row (WCAG 1.4.11). */
  colour: string;
  /** Written beside the marker, so that no reader needs the colour or the shape. */
  abbreviation: string;
  /** As the legend and the table say it. */
  label: string;
}

export const MARK_STYLES: Record<Mark, MarkStyle> = {
  outstanding: { shape: 'circle', colour: '#00703c', abbreviation: 'Out', label: gradeName('outstanding') },
  good: { shape: 'square', colour: '#1d70b8', abbreviation: 'Good', label: gradeName('good') },
  'requires-improvement': { shape: 'triangle', colour: '#8f4b00', abbreviation: 'RI', label: gradeName('requires-improvement') },
  inadequate: { shape: 'diamond', colour: '#b4331f', abbreviation: 'Inad', label: gradeName('inadequate') },
  'no-overall': { shape: 'dashed-ring', colour: '#505a5f', abbreviation: 'None', label: NO_OVERALL_LABEL },
};

/** The marks in the legend's order: best grade first, then no overall judgement. */
export const MARKS: readonly Mark[] = [...GRADES, 'no-overall'];

export const COUNCILS_CHART = {
  width: 400,
  left: 8,
  right: 8,
  top: 4,
  /** Council name, then its markers with their abbreviations. */
  rowHeight: 46,
  /** Extra height of a row whose labels drop below their markers (markers too close together). */
  dropHeight: 16,
  axisHeight: 26,
  fontSize: 14,
  markerSize: 11,
} as const;

export interface ChartMarker {
  x: number;
  y: number;
  mark: Mark;
  style: MarkStyle;
  /** The abbreviation's anchor and baseline. */
  labelX: number;
  labelY: number;
  labelAnchor: 'start' | 'end' | 'middle';
  inspection: ChartInspection;
}

export interface ChartRow {
  council: ChartCouncil;
  /** The band's top and height; the council's name is drawn at `nameY`. */
  y: number;
  height: number;
  nameY: number;
  highlight: boolean;
  markers: ChartMarker[];
}

export interface CouncilsChartModel {
  width: number;
  height: number;
  rows: ChartRow[];
  /** Years along the axis, with the x of 1 January. */
  ticks: Array<{ x: number; label: string }>;
  axisY: number;
  plotTop: number;
  /** Inspections not drawn: before April 2026 and without an overall judgement. */
  notDrawn: Array<{ council: ChartCouncil; inspection: ChartInspection }>;
  /** Every mark drawn, in MARKS order, for the legend. */
  marks: Mark[];
}

const round = (value: number): number => Math.round(value * 10) / 10;

/**
 * An abbreviation's width in viewBox units, generously estimated: the labels are bold, whose
 * capitals run to about 0.7 of the font size (at 0.62, Somerset's "Good" and "None" touched).
 */
export function textWidth(text: string, fontSize: number = COUNCILS_CHART.fontSize): number {
  return text.length * fontSize * 0.72;
}

/** The inspection's overall judgement as a mark; undefined for one before April 2026 with none. */
export function overallMark(inspection: ChartInspection): Mark | undefined {
  const overall = inspection.judgements.find((judgement) => seriesForArea(judgement.area)?.series.includes('overall'));
  if (overall) return overall.grade;
  return inspection.date >= FRAMEWORK_2026_FROM ? 'no-overall' : undefined;
}

/** The inspection in words, for the chart's description and its table: "November 2025: good". */
export function inspectionWords(inspection: ChartInspection): string {
  const mark = overallMark(inspection);
  return `${formatMonth(inspection.date)}: ${mark === undefined ? 'no overall judgement' : mark === 'no-overall' ? 'no overall judgement (the framework from April 2026)' : gradeName(mark).toLowerCase()}`;
}

export function councilsChartModel(councils: readonly ChartCouncil[]): CouncilsChartModel {
  const C = COUNCILS_CHART;
  const notDrawn: CouncilsChartModel['notDrawn'] = [];
  const drawn = councils.map((council) => ({
    council,
    inspections: [...council.inspections]
      .sort((a, b) => a.date.localeCompare(b.date))
      .flatMap((inspection) => {
        const mark = overallMark(inspection);
        if (mark === undefined) {
          notDrawn.push({ council, inspection });
          return [];
        }
        return [{ inspection, mark }];
      }),
  }));
  const dates = drawn.flatMap((row) => row.inspections.map(({ inspection }) => yearFraction(inspection.date)));
  // Whole years either side, so that the first and last markers have room for their labels.
  const firstYear = dates.length > 0 ? Math.floor(Math.min(...dates)) : 2000;
  const lastYear = dates.length > 0 ? Math.floor(Math.max(...dates)) + 1 : 2001;
  const plotLeft = C.left + C.markerSize;
  const plotRight = C.width - C.right - C.markerSize;
  const xOf = (time: number): number => round(plotLeft + ((time - firstYear) / (lastYear - firstYear)) * (plotRight - plotLeft));

  const rows: ChartRow[] = [];
  let y = C.top;
  for (const { council, inspections } of drawn) {
    const markerY = round(y + C.fontSize + 4 + C.markerSize / 2 + 4);
    const xs = inspections.map(({ inspection }) => xOf(yearFraction(inspection.date)));
    let dropped = false;
    // How far right the previous marker and its label reach.
    let reached = 0;
    const markers: ChartMarker[] = inspections.map(({ inspection, mark }, index) => {
      const style = MARK_STYLES[mark];
      const x = xs[index]!;
      const width = textWidth(style.abbreviation);
      const gap = C.markerSize / 2 + 3;
      const limit = Math.min(C.width - 2, (xs[index + 1] ?? Number.POSITIVE_INFINITY) - C.markerSize / 2 - 3);
      const baseline = round(markerY + C.fontSize * 0.35);
      // Beside the marker, to the right if it fits before the next marker (or the edge), else to
      // the left if it clears the previous one; where neither fits, centred under it (the row grows).
      let marker: ChartMarker;
      if (x + gap + width <= limit) {
        marker = { x, y: markerY, mark, style, labelX: round(x + gap), labelY: baseline, labelAnchor: 'start', inspection };
        reached = x + gap + width;
      } else if (x - gap - width >= Math.max(reached + 3, 2)) {
        marker = { x, y: markerY, mark, style, labelX: round(x - gap), labelY: baseline, labelAnchor: 'end', inspection };
        reached = x + C.markerSize / 2;
      } else {
        dropped = true;
        marker = { x, y: markerY, mark, style, labelX: x, labelY: round(markerY + C.markerSize / 2 + C.fontSize + 1), labelAnchor: 'middle', inspection };
        reached = x + C.markerSize / 2;
      }
      return marker;
    });
    const height = C.rowHeight + (dropped ? C.dropHeight : 0);
    rows.push({ council, y, height, nameY: round(y + C.fontSize + 2), highlight: council.role === 'council', markers });
    y += height;
  }
  const plotTop = C.top;
  const axisY = y;
  const step = [1, 2, 5, 10].find((candidate) => (xOf(firstYear + candidate) - xOf(firstYear)) >= textWidth('2000') + 8) ?? 10;
  const ticks: CouncilsChartModel['ticks'] = [];
  for (let year = firstYear; year <= lastYear; year += 1) {
    if ((year - firstYear) % step === 0) ticks.push({ x: xOf(year), label: String(year) });
  }
  const used = new Set(rows.flatMap((row) => row.markers.map((marker) => marker.mark)));
  return { width: C.width, height: round(axisY + C.axisHeight), rows, ticks, axisY, plotTop, notDrawn, marks: MARKS.filter((mark) => used.has(mark)) };
}

/** A marker's SVG at (x, y): geometry only, the component adds colour (and the dashes of the ring). */
export function markShape(shape: MarkShape, x: number, y: number, size: number = COUNCILS_CHART.markerSize): { element: 'circle' | 'rect' | 'polygon'; attributes: Record<string, string | number> } {
  const r = size / 2;
  switch (shape) {
    case 'circle':
    case 'dashed-ring':
      return { element: 'circle', attributes: { cx: x, cy: y, r: shape === 'dashed-ring' ? r - 0.5 : r } };
    case 'square':
      return { element: 'rect', attributes: { x: round(x - r + 0.5), y: round(y - r + 0.5), width: size - 1, height: size - 1 } };
    case 'triangle':
      return { element: 'polygon', attributes: { points: `${x},${round(y - r - 1)} ${round(x + r + 1)},${round(y + r)} ${round(x - r - 1)},${round(y + r)}` } };
    case 'diamond':
      return { element: 'polygon', attributes: { points: `${x},${round(y - r - 1)} ${round(x + r + 1)},${y} ${x},${round(y + r + 1)} ${round(x - r - 1)},${y}` } };
  }
}

/** The chart in words, for the SVG's <desc>: each council's inspections, oldest first. */
export function councilsChartDescription(model: CouncilsChartModel): string {
  const rows = model.rows.map((row) => `${row.council.name}: ${row.markers.length === 0 ? 'no inspection drawn' : row.markers.map((marker) => inspectionWords(marker.inspection)).join('; ')}.`);
  const years = model.ticks.length > 0 ? ` from ${model.ticks[0]!.label} to ${model.ticks.at(-1)!.label}` : '';
  return `Each council’s inspections${years}, one marker per inspection showing Ofsted’s overall judgement. ${rows.join(' ')} The table that follows gives the same inspections with links to the reports.`;
}
