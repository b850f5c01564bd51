/**
 * The checks the sweep and the real-documents test run on an import (src/lib/importer/verify.ts):
 * a correct import of the fictional ILACS fixture passes them all, and each kind of defect the
 * issue found in real imports (issue 24) is named when it is put back into that import.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocument, type ImportResult } from '../../../src/lib/importer/index.ts';
import { boxInParagraph, importDefects, numberingProblems, sourceWordStream, tangledAreaHeading, unaccountedGaps } from '../../../src/lib/importer/verify.ts';

const source = await readFile(path.resolve(import.meta.dirname, '../../fixtures/letters/ilacs-report.txt'), 'utf8');
const imported = importDocument(source, { fileName: 'ilacs-report.txt' });

/** The import with its MDX and frontmatter changed, as a faulty importer would have written them. */
function broken(change: { mdx?: (mdx: string) => string; frontmatter?: Record<string, unknown> }): ImportResult {
  return {
    ...imported,
    mdx: change.mdx ? change.mdx(imported.mdx) : imported.mdx,
    frontmatter: { ...imported.frontmatter, ...change.frontmatter } as ImportResult['frontmatter'],
  };
}

const checks = (result: ImportResult): string[] => importDefects(result, source).map((defect) => `${defect.part} ${defect.check}`);

describe('importDefects', () => {
  it('finds nothing wrong with a correct import', () => {
    expect(importDefects(imported, source)).toEqual([]);
  });

  it('names a paragraph number missing or repeated', () => {
    expect(checks(broken({ mdx: (mdx) => mdx.replace(/^3\\\. /m, '4\\. ') }))).toContain('body numbering');
  });

  it('names a paragraph whose words were dropped, and words that are not the document’s', () => {
    const paragraph = /^2\\\. (.+)$/m.exec(imported.mdx)![1]!;
    expect(checks(broken({ mdx: (mdx) => mdx.replace(paragraph, paragraph.slice(0, 20)) }))).toContain('body words');
    expect(checks(broken({ mdx: (mdx) => mdx.replace(paragraph, `${paragraph} Inspectors also praised the canteen.`) }))).toContain('body words');
  });

  it('names Ofsted’s office lines and page numbers left in the body', () => {
    expect(checks(broken({ mdx: (mdx) => `${mdx}\nPiccadilly Gate Store Street Manchester M1 2WD\n` }))).toContain('body artefacts');
    expect(checks(broken({ mdx: (mdx) => mdx.replace(/^(2\\\. )/m, '7\n\n$1') }))).toContain('body artefacts');
  });

  it('names a council called “local authority”, an inspector who is not one name, and an unknown judgement area', () => {
    expect(checks(broken({ frontmatter: { authority: 'local authority' } }))).toContain('frontmatter authority');
    expect(checks(broken({ frontmatter: { inspectors: ['Jane Example, all of whom are Her Majesty’s Inspectors'] } }))).toContain('frontmatter inspectors');
    expect(checks(broken({ frontmatter: { inspectors: [] } }))).toContain('frontmatter inspectors');
    // A report that names no inspector (Devon 2025) is right to have none.
    const unnamed = source.replace(/^.*inspectors?:.*$/gim, '');
    expect(importDefects(broken({ frontmatter: { inspectors: [] } }), unnamed).filter((defect) => defect.check === 'inspectors')).toEqual([]);
    const junk = [{ area: 'Overall effectiveness to be good', grade: 'good' }];
    expect(checks(broken({ frontmatter: { judgements: junk } }))).toContain('frontmatter judgements');
    // The 2013 inspection of looked after children services grades areas of its own.
    const older = [
      { area: 'Overall effectiveness of services for looked after children and young people', grade: 'inadequate' },
      { area: 'Capacity to improve', grade: 'good' },
      { area: 'Quality of provision', grade: 'inadequate' },
    ];
    expect(checks(broken({ frontmatter: { judgements: older } }))).not.toContain('frontmatter judgements');
  });

  it('names words around the council’s name, a Trust’s own name apart', () => {
    expect(checks(broken({ frontmatter: { authority: 'Exampleshire children’s services' } }))).toContain('frontmatter authority');
    const trust = source.replace(/Exampleshire/g, 'Wyvern Children and Families Trust');
    const defects = importDefects(broken({ frontmatter: { authority: 'Wyvern Children and Families Trust' } }), trust);
    expect(defects.filter((defect) => defect.check === 'authority')).toEqual([]);
    // A report that names the body it inspected on its first line so (Medway 2019) is read as it says.
    const named = `Exampleshire Children’s Services\n${source}`;
    expect(importDefects(broken({ frontmatter: { authority: 'Exampleshire Children’s Services' } }), named).filter((defect) => defect.check === 'authority')).toEqual([]);
    expect(importDefects(broken({ frontmatter: { authority: 'Exampleshire Children’s Services' } }), source).filter((defect) => defect.check === 'authority')).not.toEqual([]);
  });

  it('names the evidence sentence taken for an area covered, and Ofsted’s heading written as a paragraph', () => {
    expect(checks(broken({ frontmatter: { areasCovered: ['A range of evidence, including children’s case records.'] } }))).toContain('frontmatter areas covered');
    expect(checks(broken({ mdx: (mdx) => mdx.replace('## What needs to improve?', 'What needs to improve?') }))).toContain('body headings');
  });

  it('names a judgement area’s heading with its box’s grade run into it (2014-18), never Ofsted’s own sentence or the ILACS “area: grade”', () => {
    for (const heading of [
      'The experiences and progress of children looked after and achieving Good permanence',
      'The experiences and progress of children who need help and Requires improvement protection',
      'Requires improvement who need help and protection',
      'Good governance',
      'Leadership, management and governance Inadequate',
      'Leadership, management and Requires improvement governance to be good',
      'The experiences and progress of Requires children who need help and protection improvement',
    ]) {
      expect(tangledAreaHeading(heading), heading).toBe(true);
    }
    for (const heading of [
      'The experiences and progress of children who need help and protection',
      'Leadership, management and governance requires improvement',
      'The experiences and progress of children in care and care leavers: Good',
      'The graded judgement for adoption performance is that it is good',
      'Good practice in early help',
      // A 2013 report's table row: no section's box.
      'Overall effectiveness Inadequate',
      'Areas for improvement',
    ]) {
      expect(tangledAreaHeading(heading), heading).toBe(false);
    }
    const heading = /^## .+$/m.exec(imported.mdx)![0];
    expect(checks(broken({ mdx: (mdx) => mdx.replace(heading, `${heading}\n\n## Leadership, management and\n\n## Good governance`) }))).toContain('body headings');
  });

  it('names a section’s box run into a paragraph (2014-18), never a paragraph that names an area in its own words', () => {
    expect(
      boxInParagraph('34. The council does not count it to inform future learning. (Recommendation) The experiences and progress of Requires improvement children looked after and achieving to be good permanence'),
    ).toBe('The experiences and progress of Requires improvement children looked after and achieving to be good permanence');
    expect(boxInParagraph('Leadership, management and governance Inadequate 12. Leaders do not know their services.')).toBe('Leadership, management and governance Inadequate');
    for (const paragraph of [
      'Leadership, management and governance requires improvement to be good.',
      'The experiences and progress of children looked after and achieving permanence are good.',
      'Good practice in early help means that children who need help and protection are seen quickly.',
      'Requires improvement to be good',
      // Ofsted's own list of the last inspection's judgements (Lancashire 2018).
      'Children who need help and protection: Inadequate',
    ]) {
      expect(boxInParagraph(paragraph), paragraph).toBeUndefined();
    }
    const paragraph = /^\d+\\\. .+$/m.exec(imported.mdx)![0];
    expect(checks(broken({ mdx: (mdx) => mdx.replace(paragraph, `${paragraph} Leadership, management and Good governance`) }))).toContain('body paragraphs');
  });

  it('names an overall effectiveness grade in a document that gives none (the 2026 framework)', () => {
    const without = source.replace(/overall effectiveness/gi, 'the judgement');
    const defects = importDefects(imported, without).filter((defect) => defect.check === 'judgements');
    expect(defects.map((defect) => defect.detail)).toContain('an overall effectiveness grade the document does not give');
  });

  it('names dates that run backwards', () => {
    expect(checks(broken({ frontmatter: { visitStart: '2024-10-12', visitEnd: '2024-10-11' } }))).toContain('frontmatter dates');
  });
});

describe('the helpers', () => {
  it('numberingProblems: 1..N passes; a gap, a repeat and none are named', () => {
    expect(numberingProblems([1, 2, 3])).toEqual([]);
    expect(numberingProblems([1, 2, 4])).toEqual(['4 where 3 was due']);
    expect(numberingProblems([1, 2, 2, 3])).toEqual(['2 where 3 was due']);
    expect(numberingProblems([])).toEqual(['no numbered paragraphs']);
  });

  it('sourceWordStream leaves out running headers, page numbers and a contents list', () => {
    const page = (n: number): string => `Inspection of Wyvernshire children’s services\n\nText of page ${n} goes here.\n\n${n}`;
    const text = `Contents\n\nSummary 3\n\nFindings 5\n\nReal words.\f${[1, 2, 3].map(page).join('\f')}\nPage 2 of 4\nLast words.`;
    const words = sourceWordStream(text);
    expect(words).toContain('goesherelastwords');
    expect(words).not.toContain('inspectionofwyvernshire');
    expect(words).not.toContain('summary3');
    expect(words).toContain('realwords');
    expect(words).toContain('textofpage2goeshere');
  });

  it('unaccountedGaps accepts a footnote moved to the end and a judgement table, and names a dropped sentence', () => {
    const text = 'First paragraph runs on 1 A footnote about the framework. and ends here. Second paragraph. Dropped sentence. Third paragraph.';
    const blocks = (...texts: string[]) => texts.map((words) => ({ type: 'paragraph' as const, text: words }));
    expect(unaccountedGaps(text, blocks('First paragraph runs on and ends here.', 'Second paragraph.', 'Dropped sentence.', 'Third paragraph.'), [], ['A footnote about the framework.'])).toEqual([]);
    expect(unaccountedGaps(text, blocks('First paragraph runs on and ends here.', 'Second paragraph.', 'Third paragraph.'), [], ['A footnote about the framework.'])).toEqual(['droppedsentence']);
    const marked = 'Intro. It rose to 10 schools3 last year. 3 A note. End.';
    expect(unaccountedGaps(marked, blocks('Intro.', 'It rose to 10 schools last year.', 'End.'), [], ['A note.'])).toEqual([]);
    const wrapped = 'Contents\n\nThe experiences of children who need help and\nprotection 10\n\nFindings 12\n\nReal words.';
    expect(sourceWordStream(wrapped)).toBe('realwords');
    const office = 'Dear Ms Smith Piccadilly Gate T 0300 123 1231 Store Street Manchester M1 2WD This letter.';
    expect(unaccountedGaps(office, blocks('Dear Ms Smith', 'This letter.'))).toEqual([]);
    // With its e-mail and web address, the whole block inside the head (after a block of it, as in
    // Richmond upon Thames 2019, whose head prints a stray "1." under the address).
    const wholeOffice = 'Ofsted Piccadilly Gate T 0300 123 1231 Store Street Textphone 0161 618 8524 Manchester enquiries@ofsted.gov.uk M1 2WD www.gov.uk/ofsted 1. 7 May 2019 This letter.';
    expect(unaccountedGaps(wholeOffice, blocks('1.', '7 May 2019', 'This letter.'))).toEqual([]);
    const dropped = unaccountedGaps(wholeOffice, blocks('1.', 'This letter.'));
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatch(/7may2019$/);
    const table = 'Intro. 1. Children who need help and protection Good 2. Children looked after and achieving Good permanence Body.';
    expect(unaccountedGaps(table, blocks('Intro.', 'Body.'), ['Children who need help and protection', 'Children looked after and achieving permanence'])).toEqual([]);
  });

  it('unaccountedGaps accounts for a 2014-18 table row by row, its grades interleaved, “Require improvement” and “Not judged” too, but not for a row the frontmatter lacks', () => {
    const blocks = (...texts: string[]) => texts.map((words) => ({ type: 'paragraph' as const, text: words }));
    const table = [
      'Intro.',
      'requires',
      '1. Children who need help and protection',
      'improvement',
      'requires',
      '2. Children looked after and achieving',
      'permanence improvement',
      '2.1 Adoption performance Not judged',
      '2.2 Experiences and progress of care leavers Require improvement',
      '3. Leadership, management and governance Good',
      'Body.',
    ].join('\n');
    const areas = ['Children who need help and protection', 'Children looked after and achieving permanence', 'Experiences and progress of care leavers', 'Leadership, management and governance'];
    expect(unaccountedGaps(table, blocks('Intro.', 'Body.'), areas)).toEqual([]);
    // The import lost the last row's judgement: its words are left out.
    expect(unaccountedGaps(table, blocks('Intro.', 'Body.'), areas.slice(0, 3))).toHaveLength(1);
  });
});
