/**
 * The sweep's model (src/lib/importer/sweep.ts): reading the third party's table, comparing an
 * import of the fictional ILACS fixture with a row of it, and the README's table of results.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../../src/lib/importer/index.ts';
import { parseCsv } from '../../../src/lib/utils/csv.ts';
import { crossCheck, familyOf, familyOfName, isoFromDayFirst, tableMarkdown, tabulate, type SweepOutcome } from '../../../src/lib/importer/sweep.ts';

const source = await readFile(path.resolve(import.meta.dirname, '../../fixtures/letters/ilacs-report.txt'), 'utf8');
const imported = importDocument(source, { fileName: 'ilacs-report.txt' });

describe('parseCsv and isoFromDayFirst', () => {
  it('reads quoted fields with commas, quotes and line breaks', () => {
    const rows = parseCsv('urn,local_authority,note\r\n1,"bournemouth, christchurch & poole","say ""hi""\nagain"\n2,dorset,\n');
    expect(rows).toEqual([
      { urn: '1', local_authority: 'bournemouth, christchurch & poole', note: 'say "hi"\nagain' },
      { urn: '2', local_authority: 'dorset', note: '' },
    ]);
  });

  it('turns the table’s day-first dates into ISO dates', () => {
    expect(isoFromDayFirst('09/05/25')).toBe('2025-05-09');
    expect(isoFromDayFirst('17/3/2025')).toBe('2025-03-17');
    expect(isoFromDayFirst('data_unreadable')).toBeUndefined();
  });
});

describe('crossCheck', () => {
  const fm = imported.frontmatter;
  const grade = (area: RegExp): string => fm.judgements!.find((judgement) => area.test(judgement.area))!.grade.replace(/-/g, ' ');
  const [day, month, year] = [fm.visitStart.slice(8), fm.visitStart.slice(5, 7), fm.visitStart.slice(0, 4)];
  const row = {
    inspection_start_date: `${day}/${month}/${year}`,
    inspection_end_date: fm.visitEnd!.split('-').reverse().join('/'),
    inspector_name: fm.inspectors![0]!,
    overall_effectiveness_grade: grade(/^overall/i),
    help_and_protection_grade: grade(/help and protection/i),
    care_leavers_grade: 'inspection_pre_dates_judgement',
  };

  it('finds nothing where the table agrees, and skips a cell that is not a grade', () => {
    expect(crossCheck(imported, row)).toEqual([]);
  });

  it('names each field where the table and the import differ', () => {
    const other = { ...row, inspector_name: 'Someone Else', help_and_protection_grade: 'inadequate' };
    expect(crossCheck(imported, other)).toEqual([
      { field: 'lead inspector', table: 'Someone Else', document: fm.inspectors![0] },
      { field: 'help_and_protection', table: 'inadequate', document: fm.judgements!.find((j) => /help and protection/i.test(j.area))!.grade },
    ]);
  });
});

describe('families and the table', () => {
  it('places an import and a refused file’s name in their family', () => {
    expect(familyOf(imported)).toBe('ilacs');
    expect(familyOfName('children-s-services-focused-visit-22-june-2023.pdf')).toBe('letter');
    expect(familyOfName('children-s-services-inspection-07-july-2014.pdf')).toBe('sif');
    expect(familyOfName('children-s-services-inspection-10-august-2012.pdf')).toBe('older');
  });

  it('counts documents, imports, wrong ones by part, refusals and crashes, leaving out what is not a document', () => {
    const outcome = (over: Partial<SweepOutcome>): SweepOutcome => ({ file: 'x.pdf', family: 'ilacs', outcome: 'imported', defects: [], disagreements: [], ...over });
    const rows = tabulate([
      outcome({}),
      outcome({ defects: [{ part: 'body', check: 'numbering', detail: '3 where 2 was due' }] }),
      outcome({ disagreements: [{ field: 'visitEnd', table: '2024-10-11', document: '2024-10-12' }] }),
      outcome({ outcome: 'refused', reason: 'no title' }),
      outcome({ outcome: 'not-a-document', reason: 'a web page' }),
      outcome({ family: 'letter', outcome: 'crashed', reason: 'TypeError' }),
    ]);
    expect(rows).toEqual([
      { family: 'ilacs', documents: 4, imported: 3, wrong: 2, wrongFrontmatter: 1, wrongBody: 1, refused: 1, crashed: 0 },
      { family: 'letter', documents: 1, imported: 0, wrong: 0, wrongFrontmatter: 0, wrongBody: 0, refused: 0, crashed: 1 },
    ]);
    expect(tableMarkdown(rows)).toContain('| inspection reports 2018-26 (4) | 3 | 2 (66.7%) | 1 / 1 | 1 | 0 |');
  });
});
