/**
 * The open data's CSV (src/lib/publish/open-data.ts): RFC 4180 quoting, one column for each documented
 * field in the documented order, and every field of a finding in its column.
 */
import { describe, expect, it } from 'vitest';
import type { FindingRecord } from '../../../src/lib/publish/findings.ts';
import { csvField, FINDING_COLUMNS, findingsCsv, toCsv } from '../../../src/lib/publish/open-data.ts';
import { parseCsv } from '../../../src/lib/utils/csv.ts';

describe('csvField and toCsv', () => {
  it('quotes only a field with a comma, a quote or a line break, and doubles its quotes', () => {
    expect(csvField('plain words')).toBe('plain words');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(2019)).toBe('2019');
  });

  it('writes a header row and CRLF line ends, the last line ended too', () => {
    expect(toCsv(['a', 'b'], [['1', undefined]])).toBe('a,b\r\n1,\r\n');
  });
});

describe('findingsCsv', () => {
  const finding: FindingRecord = {
    report: '2025-06-monitoring-visit-7',
    reportTitle: 'Monitoring visit 7',
    kind: 'monitoring-visit',
    kindLabel: 'Monitoring visit',
    text: 'full',
    visitStart: '2025-06-17',
    visitEnd: '2025-06-18',
    visitDates: '17 and 18 June 2025',
    year: 2025,
    anchor: 'p12',
    label: 'paragraph 12',
    path: 'reports/2025-06-monitoring-visit-7/#p12',
    words: 'Most supervision is regular, "reflective" and purposeful.\nA second line.',
    textHash: '0123456789abcdef',
    themes: [
      { id: 'supervision', label: 'Supervision' },
      { id: 'workforce', label: 'Workforce' },
    ],
    statuses: [{ weakness: 'supervision', weaknessTitle: 'Supervision', status: 'improved' }],
    note: 'Most, not all.',
    role: 'footnote',
    footnoteMark: '1',
    footnoteOf: 'p11',
  };

  it('has one column for each documented field, in the documented order', () => {
    const [header] = findingsCsv([finding]).split('\r\n');
    expect(header!.split(',')).toEqual(FINDING_COLUMNS.map(([name]) => name));
  });

  it('puts each field of a finding in its column, read back by a CSV reader', () => {
    const [row] = parseCsv(findingsCsv([finding]));
    expect(row).toEqual({
      report: '2025-06-monitoring-visit-7',
      reportTitle: 'Monitoring visit 7',
      kind: 'monitoring-visit',
      text: 'full',
      visitStart: '2025-06-17',
      year: '2025',
      anchor: 'p12',
      label: 'paragraph 12',
      path: 'reports/2025-06-monitoring-visit-7/#p12',
      words: 'Most supervision is regular, "reflective" and purposeful.\nA second line.',
      themes: 'supervision;workforce',
      statuses: 'supervision=improved',
      note: 'Most, not all.',
      textHash: '0123456789abcdef',
      role: 'footnote',
      footnoteMark: '1',
      footnoteOf: 'p11',
    });
  });

  it('leaves the optional fields empty for the document’s own text', () => {
    const own = { ...finding, note: undefined, role: undefined, footnoteMark: undefined, footnoteOf: undefined };
    const [row] = parseCsv(findingsCsv([own]));
    expect([row!.note, row!.role, row!.footnoteMark, row!.footnoteOf]).toEqual(['', '', '', '']);
  });
});
