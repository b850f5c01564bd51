/**
 * The comparison's open data (src/lib/compare/open-data.ts): a record per council from the
 * committed data, Herefordshire and its neighbours marked, no overall grade for a 2026 report.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readComparisonData } from '../../../src/lib/compare/data.ts';
import { COMPARISON_COLUMNS, comparisonCsvRows, comparisonFile, comparisonRecords, NO_OVERALL_VALUE } from '../../../src/lib/compare/open-data.ts';
import { GRADES } from '../../../src/lib/record/vocabulary.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const data = readComparisonData(
  await readFile(path.join(repoRoot, 'content/england/latest-reports.json'), 'utf8'),
  await readFile(path.join(repoRoot, 'content/england/statistical-neighbours.json'), 'utf8'),
);

describe('comparisonRecords', () => {
  const records = comparisonRecords(data);

  it('has one record per council, with its DfE code, in the data’s order', () => {
    expect(records).toHaveLength(data.latest.reports.length);
    expect(records.map((record) => record.laCode)).toEqual(data.latest.reports.map((report) => report.laCode));
    expect(new Set(records.map((record) => record.laCode)).size).toBe(records.length);
  });

  it('marks Herefordshire and its ten neighbours, closest first', () => {
    expect(records.filter((record) => record.thisCouncil).map((record) => record.council)).toEqual(['Herefordshire']);
    const neighbours = records.filter((record) => record.statisticalNeighbour).sort((a, b) => a.neighbourRank! - b.neighbourRank!);
    expect(neighbours.map((record) => record.laCode)).toEqual(data.neighbours.neighbours.map((neighbour) => neighbour.laCode));
    expect(neighbours.map((record) => record.neighbourRank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(records.find((record) => record.thisCouncil)!.statisticalNeighbour).toBe(false);
  });

  it('gives each line’s grade as the report does, and no overall grade for a report of April 2026’s framework', () => {
    const herefordshire = records.find((record) => record.laCode === '884')!;
    expect(herefordshire).toMatchObject({ overallEffectiveness: 'good', leadership: 'outstanding', helpAndProtection: 'good', childrenInCare: 'good', careLeavers: 'good', published: '2026-01-12' });
    for (const record of records) {
      const report = data.latest.reports.find((candidate) => candidate.laCode === record.laCode)!;
      if (report.visitStart >= '2026-04-01') expect(record.overallEffectiveness, record.council).toBe(NO_OVERALL_VALUE);
      else expect(GRADES, record.council).toContain(record.overallEffectiveness);
      for (const line of [record.helpAndProtection, record.childrenInCare, record.careLeavers, record.leadership]) expect(GRADES).toContain(line);
    }
    expect(records.find((record) => record.council === 'Lancashire')!.overallEffectiveness).toBe(NO_OVERALL_VALUE);
    expect(records.find((record) => record.council === 'Somerset')!.overallEffectiveness).toBe(NO_OVERALL_VALUE);
  });
});

describe('the files', () => {
  it('says as at when, and where the data comes from', () => {
    const file = comparisonFile(data, 'Open Government Licence v3.0');
    expect(file.asAt).toBe('2026-08-20');
    expect(file.sources.statisticalNeighbours.url).toBe(data.neighbours.source.url);
    expect(file.councils).toHaveLength(153);
  });

  it('writes a CSV row per council with the documented columns', () => {
    const { columns, rows } = comparisonCsvRows(comparisonRecords(data));
    expect(columns).toEqual(['laCode', 'council', 'thisCouncil', 'statisticalNeighbour', 'neighbourRank', 'published', 'officialUrl', 'framework', 'visitStart', 'visitEnd', 'overallEffectiveness', 'helpAndProtection', 'childrenInCare', 'careLeavers', 'leadership']);
    expect(COMPARISON_COLUMNS.flatMap(([name]) => name.split(', '))).toEqual(columns);
    expect(rows).toHaveLength(153);
    const lancashire = rows.find((row) => row[1] === 'Lancashire')!;
    expect(lancashire[10]).toBe(NO_OVERALL_VALUE);
    expect(lancashire[4]).toBe('6');
    expect(rows.find((row) => row[0] === '201')![4]).toBe('');
  });
});
