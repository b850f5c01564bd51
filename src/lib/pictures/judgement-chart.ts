/**
 * The judgement history chart's geometry, worked out at build time: a step chart of each
 * judgement area's grade at each inspection, on Ofsted's four-point scale. Pure: the component
 * (src/components/JudgementChart.astro) only writes these numbers into SVG markup, so the chart
 * needs no library and no JavaScript in the browser.
 *
 * Layout, in viewBox units (the SVG scales to its container's width):
 * - one horizontal band per grade, Outstanding at the top, each labelled with the grade's name in
 *   its top left corner (text, not colour, says which band is which, and the label sits across
 *   the full width so that a phone keeps it legible);
 * - inspections placed along the time axis by their date, labelled with the year underneath;
 * - each line holds its grade until the next inspection, then steps. Lines that share a grade
 *   are drawn a few units apart (a fixed offset per line) so none hides another, and each has its
 *   own dash pattern and marker shape, so the chart reads in black and white.
 */
import { GRADES, type Grade } from '../record/vocabulary.ts';
import { gradeLabel } from '../record/report-entries.ts';
import { SERIES_IDS, type JudgementHistory, type SeriesId } from './judgement-history.ts';
import { parsePartialDate } from '../utils/dates.ts';

export const CHART = {
  /** Narrow, so that on a phone (about 360 px across) the text is drawn near its own size. */
  width: 400,
  bandHeight: 60,
  top: 4,
  axisHeight: 30,
  /** Room for half a year label either side of the first and last inspections. */
  left: 24,
  right: 24,
  /** Distance between neighbouring lines that share a grade. */
  lineGap: 7,
  fontSize: 15,
} as const;

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'ring';

export interface SeriesStyle {
  /** Meets 3:1 against white (WCAG 1.4.11, non-text contrast). */
  colour: string;
  /** SVG stroke-dasharray; empty for a solid line. */
  dash: string;
  strokeWidth: number;
  marker: MarkerShape;
}

/** Distinct in colour, dash and marker: any one of the three tells the lines apart. */
export const SERIES_STYLES: Record<SeriesId, SeriesStyle> = {
  overall: { colour: '#0b0c0c', dash: '', strokeWidth: 3.5, marker: 'circle' },
  'help-and-protection': { colour: '#1d70b8', dash: '10 5', strokeWidth: 2.5, marker: 'square' },
  'children-in-care': { colour: '#00703c', dash: '2 4', strokeWidth: 2.5, marker: 'triangle' },
  'care-leavers': { colour: '#4c2c92', dash: '12 4 3 4', strokeWidth: 2.5, marker: 'diamond' },
  leaders: { colour: '#b4331f', dash: '', strokeWidth: 1.5, marker: 'ring' },
};

export interface ChartBand {
  grade: Grade;
  label: string;
  y: number;
  height: number;
  /** Baseline of the grade's name. */
  labelY: number;
}

export interface ChartTick {
  x: number;
  label: string;
  inspection: number;
  /** The label's baseline: a second row when it would otherwise touch its neighbour's. */
  y: number;
}

export interface ChartLine {
  series: SeriesId;
  label: string;
  style: SeriesStyle;
  /** The step path, `M x y H x V y ...`. */
  d: string;
  points: Array<{ x: number; y: number; grade: Grade; inspection: number }>;
}

export interface ChartModel {
  width: number;
  height: number;
  bands: ChartBand[];
  ticks: ChartTick[];
  /** Baseline of the year labels. */
  tickY: number;
  lines: ChartLine[];
}

/** A partial date as a fractional year, for the time axis (the middle of the month when only the month is known). */
export function yearFraction(date: string): number {
  const parts = parsePartialDate(date);
  if (!parts) throw new Error(`Not a date: ${date}`);
  return parts.year + (parts.month - 1) / 12 + ((parts.day ?? 15) - 1) / 365;
}

const round = (value: number): number => Math.round(value * 10) / 10;

/** A label's width in viewBox units, generously estimated (digits of a system sans-serif are about 0.6 em). */
export function labelWidth(label: string): number {
  return label.length * CHART.fontSize * 0.62;
}

export function chartModel(history: JudgementHistory): ChartModel {
  const bands: ChartBand[] = GRADES.map((grade, index) => {
    const y = CHART.top + index * CHART.bandHeight;
    return { grade, label: gradeLabel(grade), y, height: CHART.bandHeight, labelY: y + CHART.fontSize + 2 };
  });
  const plotBottom = CHART.top + GRADES.length * CHART.bandHeight;
  const height = plotBottom + CHART.axisHeight;

  const times = history.inspections.map((inspection) => yearFraction(inspection.date));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = last - first || 1;
  const plotLeft = CHART.left;
  const plotRight = CHART.width - CHART.right;
  const xOf = (index: number): number => round(plotLeft + ((times[index]! - first) / span) * (plotRight - plotLeft));

  // The lines sit in the lower part of each band, below the grade's name, centred there.
  const lineCentre = CHART.fontSize + 4 + (CHART.bandHeight - CHART.fontSize - 4) / 2;
  const yOf = (grade: Grade, series: SeriesId): number => {
    const band = bands[GRADES.indexOf(grade)]!;
    const offset = (SERIES_IDS.indexOf(series) - (SERIES_IDS.length - 1) / 2) * CHART.lineGap;
    return round(band.y + lineCentre + offset);
  };

  const lines: ChartLine[] = history.series
    .filter((series) => series.points.length > 0)
    .map((series) => {
      const points = series.points.map((point) => ({ x: xOf(point.inspection), y: yOf(point.grade, series.id), grade: point.grade, inspection: point.inspection }));
      // An inspection that gives no judgement on this line (no overall judgement, from April 2026)
      // ends the grade before it there: the line stops, and starts again at the next grade.
      const gaps = series.id === 'overall' ? history.inspections.flatMap((inspection, index) => (inspection.noOverall ? [index] : [])) : [];
      const gapAfter = (from: number, to: number): number | undefined => gaps.find((gap) => gap > from && gap < to);
      const [start, ...rest] = points;
      let d = `M${start!.x} ${start!.y}`;
      let y = start!.y;
      let previous = start!.inspection;
      for (const point of rest) {
        const gap = gapAfter(previous, point.inspection);
        if (gap === undefined) {
          d += ` H${point.x}`;
          if (point.y !== y) d += ` V${point.y}`;
        } else {
          d += ` H${xOf(gap)} M${point.x} ${point.y}`;
        }
        y = point.y;
        previous = point.inspection;
      }
      const last = gapAfter(previous, Number.POSITIVE_INFINITY);
      if (last !== undefined) d += ` H${xOf(last)}`;
      return { series: series.id, label: series.label, style: SERIES_STYLES[series.id], d, points };
    });

  // Year labels are centred under their inspection; one that would overlap the label before it
  // (two inspections in close years) drops to a second row rather than colliding.
  const tickY = plotBottom + CHART.fontSize + 6;
  const ticks: ChartTick[] = [];
  for (const [index, inspection] of history.inspections.entries()) {
    const x = xOf(index);
    const label = String(inspection.year);
    const previous = ticks.at(-1);
    const overlaps = previous !== undefined && previous.y === tickY && x - labelWidth(label) / 2 < previous.x + labelWidth(previous.label) / 2 + 4;
    ticks.push({ x, label, inspection: index, y: overlaps ? tickY + CHART.fontSize + 2 : tickY });
  }
  const extraRow = ticks.some((tick) => tick.y !== tickY) ? CHART.fontSize + 2 : 0;
  return { width: CHART.width, height: height + extraRow, bands, ticks, tickY, lines };
}

export interface Marker {
  element: 'circle' | 'rect' | 'polygon';
  /** Geometry only: the component adds the line's colour. */
  attributes: Record<string, string | number>;
  /** Drawn white inside, outlined in the line's colour (the ring). */
  hollow: boolean;
}

/** A marker's SVG: centred on (x, y); `size` is about its width. */
export function markerShape(shape: MarkerShape, x: number, y: number, size = 8): Marker {
  const r = size / 2;
  switch (shape) {
    case 'circle':
      return { element: 'circle', attributes: { cx: x, cy: y, r }, hollow: false };
    case 'ring':
      return { element: 'circle', attributes: { cx: x, cy: y, r }, hollow: true };
    case 'square':
      return { element: 'rect', attributes: { x: round(x - r), y: round(y - r), width: size, height: size }, hollow: false };
    case 'triangle':
      return { element: 'polygon', attributes: { points: `${x},${round(y - r - 1)} ${round(x + r + 1)},${round(y + r)} ${round(x - r - 1)},${round(y + r)}` }, hollow: false };
    case 'diamond':
      return { element: 'polygon', attributes: { points: `${x},${round(y - r - 1)} ${round(x + r + 1)},${y} ${x},${round(y + r + 1)} ${round(x - r - 1)},${y}` }, hollow: false };
  }
}

/** The chart in one sentence per line, for the SVG's <desc>: what a sighted reader takes from it. */
export function chartDescription(history: JudgementHistory): string {
  const sentences = history.series
    .filter((series) => series.points.length > 0)
    .map((series) => {
      const gaps = series.id === 'overall' ? history.inspections.flatMap((inspection, index) => (inspection.noOverall ? [{ inspection: index, text: `no overall judgement in ${inspection.year} (the framework from April 2026)` }] : [])) : [];
      const steps = [...series.points.map((point) => ({ inspection: point.inspection, text: `${gradeLabel(point.grade).toLowerCase()} in ${history.inspections[point.inspection]!.year}` })), ...gaps]
        .sort((a, b) => a.inspection - b.inspection)
        .map((step) => step.text);
      return `${series.label}: ${steps.join(', ')}.`;
    });
  return `Step chart of Ofsted’s judgements on a four-point scale (outstanding, good, requires improvement, inadequate). ${sentences.join(' ')} The table below gives the same judgements with their sources.`;
}
