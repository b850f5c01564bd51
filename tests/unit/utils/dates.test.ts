import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatMonth, isPartialDate, parsePartialDate, shortMonthOf } from '../../../src/lib/utils/dates.ts';

describe('partial dates', () => {
  it('accepts a day or a month, and rejects dates that do not exist', () => {
    expect(parsePartialDate('2025-06-17')).toEqual({ year: 2025, month: 6, day: 17 });
    expect(parsePartialDate('2023-09')).toEqual({ year: 2023, month: 9, day: undefined });
    expect(isPartialDate('2025-02-29')).toBe(false);
    expect(isPartialDate('2024-02-29')).toBe(true);
    expect(isPartialDate('2025-13')).toBe(false);
    expect(isPartialDate('17 June 2025')).toBe(false);
  });

  it('formats in the words the letters use', () => {
    expect(formatDate('2025-07-17')).toBe('17 July 2025');
    expect(formatDate('2023-09')).toBe('September 2023');
    expect(formatMonth('2022-07-04')).toBe('July 2022');
  });

  it('shortens a month to its first three letters, "Sep" not "Sept"', () => {
    expect(shortMonthOf('2019-01-21')).toBe('Jan');
    expect(shortMonthOf('2023-09')).toBe('Sep');
    expect(shortMonthOf('2019-12-05')).toBe('Dec');
    expect(() => shortMonthOf('December 2019')).toThrow(/Not a date/);
  });

  it('formats a visit span like Ofsted does', () => {
    expect(formatDateRange('2025-06-17', '2025-06-18')).toBe('17 and 18 June 2025');
    expect(formatDateRange('2025-11-10', '2025-11-21')).toBe('10 to 21 November 2025');
    expect(formatDateRange('2024-09-30', '2024-10-02')).toBe('30 September to 2 October 2024');
    expect(formatDateRange('2024-12-30', '2025-01-03')).toBe('30 December 2024 to 3 January 2025');
    expect(formatDateRange('2019-12-05')).toBe('5 December 2019');
    expect(formatDateRange('2023-09')).toBe('September 2023');
  });
});
