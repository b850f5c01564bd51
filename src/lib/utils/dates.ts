/**
 * Dates as the sources give them: to the day (`2025-06-17`) or only to the month (`2023-09`).
 * They stay strings end to end, and every format below works on their parts, so that no
 * time zone can move a date by a day.
 */

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export interface DateParts {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31, or undefined when only the month is known. */
  day?: number;
}

const PARTIAL_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

export function parsePartialDate(value: string): DateParts | undefined {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month < 1 || month > 12) return undefined;
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month))) return undefined;
  return { year, month, day };
}

export function isPartialDate(value: string): boolean {
  return parsePartialDate(value) !== undefined;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first moment of a date (of its month, when only the month is known), in UTC, as RFC 3339: "2018-06-01T00:00:00Z". */
export function startOfDateUtc(value: string): string {
  const { year, month, day = 1 } = mustParse(value);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T00:00:00Z`;
}

function mustParse(value: string): DateParts {
  const parts = parsePartialDate(value);
  if (!parts) throw new Error(`Not a date: "${value}" (expected YYYY-MM-DD or YYYY-MM).`);
  return parts;
}

export function monthName(month: number): string {
  const name = MONTHS[month - 1];
  if (!name) throw new Error(`No month ${month}.`);
  return name;
}

/** "17 July 2025", or "September 2023" when only the month is known. */
export function formatDate(value: string): string {
  const { year, month, day } = mustParse(value);
  return day === undefined ? `${monthName(month)} ${year}` : `${day} ${monthName(month)} ${year}`;
}

/** "Jan", "Sep": a month's first three letters, for labels too small for its name (the weakness strips' cells). */
export function shortMonthOf(value: string): string {
  return monthName(mustParse(value).month).slice(0, 3);
}

/** "July 2022" */
export function formatMonth(value: string): string {
  const { year, month } = mustParse(value);
  return `${monthName(month)} ${year}`;
}

/**
 * A span of days in the words Ofsted's letters use: "17 and 18 June 2025" for two consecutive
 * days, "10 to 21 November 2025", "30 September to 2 October 2025", "30 December 2024 to
 * 3 January 2025". A single day, or a missing end, gives just the start.
 */
export function formatDateRange(start: string, end?: string): string {
  const a = mustParse(start);
  if (end === undefined || end === start) return formatDate(start);
  const b = mustParse(end);
  if (a.day === undefined || b.day === undefined) {
    return `${formatDate(start)} to ${formatDate(end)}`;
  }
  if (a.year !== b.year) return `${formatDate(start)} to ${formatDate(end)}`;
  if (a.month !== b.month) {
    return `${a.day} ${monthName(a.month)} to ${b.day} ${monthName(b.month)} ${b.year}`;
  }
  const joiner = b.day - a.day === 1 ? 'and' : 'to';
  return `${a.day} ${joiner} ${b.day} ${monthName(b.month)} ${b.year}`;
}

/** The year of a partial date, e.g. for filters and grouping. */
export function yearOf(value: string): number {
  return mustParse(value).year;
}

/** `YYYY-MM` of a partial date: the month a visit started gives a report its slug. */
export function yearMonthOf(value: string): string {
  return value.slice(0, 7);
}

