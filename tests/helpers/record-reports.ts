/**
 * A folder of report files read as the build's model reads them (frontmatter through the schema,
 * paragraphs by the paragraph contract), for tests that check a generated corpus is content the
 * build accepts. Each file's paragraph problems are asserted empty, naming the file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { numberingMode } from '../../src/lib/record/paragraph-numbering.ts';
import { parseParagraphs } from '../../src/lib/record/paragraphs.ts';
import type { RecordReport } from '../../src/lib/record/build-record.ts';
import { reportSchema } from '../../src/lib/record/schema.ts';

export async function readRecordReports(reportsDir: string, names: readonly string[]): Promise<RecordReport[]> {
  const reports: RecordReport[] = [];
  for (const name of names) {
    const source = await readFile(path.join(reportsDir, name), 'utf8');
    const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
    const data = reportSchema.parse(parse(frontmatter));
    const parsed = parseParagraphs(body, { file: name, mode: numberingMode(data.paragraphNumbers) });
    expect(parsed.problems, name).toEqual([]);
    reports.push({ id: name.replace(/\.mdx$/, ''), file: name, data, paragraphs: parsed.paragraphs });
  }
  return reports;
}
