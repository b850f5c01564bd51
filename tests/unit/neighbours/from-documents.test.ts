/**
 * A neighbour's report file from its import (src/lib/neighbours/from-documents.ts): the
 * frontmatter keeps the year of the document's own "© Crown copyright" line, which the page's
 * licence line gives, though it may differ from the year the index says it was published
 * (Lancashire 2018, published in August 2018, prints "© Crown copyright 2017"). The document is
 * the importer's ILACS fixture, about a fictional council.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../../src/lib/importer/index.ts';
import { neighbourFile } from '../../../src/lib/neighbours/from-documents.ts';

const fixture = await readFile(path.resolve(import.meta.dirname, '../../fixtures/letters/ilacs-report.txt'), 'utf8');
const row = { file: 'exampleshire/2024-12-03-inspection.pdf', council: 'Exampleshire', laCode: '990', published: '2024-12-03', officialUrl: 'https://files.ofsted.gov.uk/v1/file/990', framework: 'standard' as const };

function fileOf(text: string) {
  const made = neighbourFile(row, importDocument(text, { fileName: 'exampleshire.txt' }), 'exampleshire/2024-12-03-inspection.pdf');
  expect(made.problems).toEqual([]);
  return made.file!;
}

describe('a neighbour’s report file', () => {
  it('keeps the year of the document’s own Crown copyright line, not the year of publication', () => {
    const file = fileOf(fixture.replace('© Crown copyright 2024', '© Crown copyright 2023'));
    expect(file.data.copyrightYear).toBe(2023);
    expect(parse(/^---\n([\s\S]*?)\n---\n/.exec(file.text)![1]!)).toMatchObject({ published: '2024-12-03', copyrightYear: 2023 });
  });

  it('has none where the document prints no Crown copyright line (the page then gives the year of publication)', () => {
    const file = fileOf(fixture.replace('© Crown copyright 2024', ''));
    expect(file.data.copyrightYear).toBeUndefined();
    expect(file.text).not.toMatch(/^copyrightYear:/m);
  });
});
