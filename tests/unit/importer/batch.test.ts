/**
 * A folder's import, the pure part (src/lib/importer/batch.ts): which files are documents, each
 * file's outcome and line, the summary, and the JSON. cli-folder.test.ts runs the command itself.
 */
import { describe, expect, it } from 'vitest';
import {
  allImported,
  documentNames,
  folderReport,
  importedOutcome,
  importerBugOutcome,
  isDocumentName,
  outcomeLine,
  refusedOutcome,
  summarise,
  summaryLine,
  type FileOutcome,
} from '../../../src/lib/importer/batch.ts';
import { ImportError } from '../../../src/lib/importer/errors.ts';

describe('the documents in a folder', () => {
  it('are its .pdf and .txt files, in any case, and no hidden file', () => {
    expect(['a.pdf', 'b.PDF', 'c.txt', 'd.Txt'].every(isDocumentName)).toBe(true);
    expect(['notes.md', 'report.pdf.zip', 'report.docx', 'pdf', '.txt', '._report.pdf', '.hidden.txt'].some(isDocumentName)).toBe(false);
  });

  it('are taken in code-point order, whatever order the folder lists them in', () => {
    expect(documentNames(['b.txt', 'notes.md', 'B.pdf', 'a10.txt', 'a2.txt', '._a.pdf', 'é.txt'])).toEqual(['B.pdf', 'a10.txt', 'a2.txt', 'b.txt', 'é.txt']);
  });
});

describe('a file’s outcome and line', () => {
  it('is imported when only the fields every import leaves to the editor are missing', () => {
    const outcome = importedOutcome('in/a.txt', { slug: '2024-09-monitoring-visit-5', path: 'out/2024-09-monitoring-visit-5.mdx', missing: ['headline', 'sources'], notes: [], warnings: [] });
    expect(outcome).toEqual({
      file: 'in/a.txt',
      outcome: 'imported',
      slug: '2024-09-monitoring-visit-5',
      path: 'out/2024-09-monitoring-visit-5.mdx',
      missing: ['headline', 'sources'],
      problems: [],
    });
    expect(outcomeLine(outcome)).toBe('in/a.txt: imported as 2024-09-monitoring-visit-5 (out/2024-09-monitoring-visit-5.mdx)');
  });

  it('is imported with problems when a warning, a note or another missing field needs the editor, each listed', () => {
    const outcome = importedOutcome('in/b.pdf', {
      slug: '2024-09-inspection',
      path: 'out/2024-09-inspection.mdx',
      missing: ['headline', 'published', 'sources'],
      notes: ['could not tell which paragraph carries the mark of footnote 1'],
      warnings: ['warning: this document is about Exampleshire'],
    });
    expect(outcome).toMatchObject({
      outcome: 'imported-with-problems',
      missing: ['headline', 'published', 'sources'],
      problems: ['warning: this document is about Exampleshire', 'could not tell which paragraph carries the mark of footnote 1', 'could not find: published (fill these in by hand)'],
    });
    expect(outcomeLine(outcome)).toBe(
      'in/b.pdf: imported with problems as 2024-09-inspection (out/2024-09-inspection.mdx): warning: this document is about Exampleshire; could not tell which paragraph carries the mark of footnote 1; could not find: published (fill these in by hand)',
    );
  });

  it('is refused with the ImportError’s reason and fix, on one line', () => {
    const error = new ImportError('empty', 'in/c.txt', 'the file is empty', 'pass the file that holds the letter’s text (or its PDF)');
    const outcome = refusedOutcome('in/c.txt', error);
    expect(outcome).toEqual({ file: 'in/c.txt', outcome: 'refused', code: 'empty', reason: 'the file is empty', fix: 'pass the file that holds the letter’s text (or its PDF)' });
    expect(outcomeLine(outcome)).toBe('in/c.txt: refused: the file is empty. Fix: pass the file that holds the letter’s text (or its PDF).');
    // The line says what the single-file refusal says, after the file's name.
    expect(`import: ${outcomeLine(outcome).replace(': refused', '')}`).toBe(error.message);
  });

  it('is an importer bug for any other exception: its first line, and the fix to report it', () => {
    const outcome = importerBugOutcome('in/d.txt', new TypeError('Cannot read properties of undefined (reading \'length\')\n    at parseReport'));
    expect(outcome).toEqual({
      file: 'in/d.txt',
      outcome: 'importer-bug',
      reason: 'the importer failed (Cannot read properties of undefined (reading \'length\'))',
      fix: 'report this file as an importer bug, and write its report by hand',
    });
    expect(outcomeLine(outcome)).toBe('in/d.txt: importer bug: the importer failed (Cannot read properties of undefined (reading \'length\')). Fix: report this file as an importer bug, and write its report by hand.');
    expect(importerBugOutcome('e.txt', 'thrown text').reason).toBe('the importer failed (thrown text)');
    expect(importerBugOutcome('f.txt', new RangeError('')).reason).toBe('the importer failed (RangeError)');
  });
});

describe('the summary', () => {
  const imported = importedOutcome('a.txt', { slug: 'a', path: 'a.mdx', missing: [], notes: [], warnings: [] });
  const withProblems = importedOutcome('b.txt', { slug: 'b', path: 'b.mdx', missing: ['published'], notes: [], warnings: [] });
  const refused = refusedOutcome('c.txt', new ImportError('empty', 'c.txt', 'the file is empty', 'pass the letter'));
  const bug = importerBugOutcome('d.txt', new Error('boom'));

  it('counts the files, those imported (with problems among them), refused, and importer bugs when there are any', () => {
    const outcomes: FileOutcome[] = [imported, withProblems, imported, refused, refused];
    expect(summarise(outcomes)).toEqual({ files: 5, imported: 3, withProblems: 1, refused: 2, importerBugs: 0 });
    expect(summaryLine(summarise(outcomes))).toBe('5 files: 3 imported (1 with problems), 2 refused');
    expect(summaryLine(summarise([imported]))).toBe('1 file: 1 imported, 0 refused');
    expect(summaryLine(summarise([imported, bug]))).toBe('2 files: 1 imported, 0 refused, 1 importer bug');
    expect(summaryLine(summarise([bug, bug, refused]))).toBe('3 files: 0 imported, 1 refused, 2 importer bugs');
  });

  it('is a success only when every file was imported, problems or not', () => {
    expect(allImported(summarise([imported, withProblems]))).toBe(true);
    expect(allImported(summarise([imported, refused]))).toBe(false);
    expect(allImported(summarise([imported, bug]))).toBe(false);
  });

  it('goes into the JSON with each file’s outcome, in order', () => {
    const report = folderReport('in', [imported, refused]);
    expect(JSON.parse(JSON.stringify(report))).toEqual({
      folder: 'in',
      files: [
        { file: 'a.txt', outcome: 'imported', slug: 'a', path: 'a.mdx', missing: [], problems: [] },
        { file: 'c.txt', outcome: 'refused', code: 'empty', reason: 'the file is empty', fix: 'pass the letter' },
      ],
      summary: { files: 2, imported: 1, withProblems: 0, refused: 1, importerBugs: 0 },
    });
  });
});
