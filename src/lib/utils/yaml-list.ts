/**
 * Reads a YAML file that holds a list of records with ids (themes.yaml, weaknesses.yaml),
 * validating each record and keeping its line, so that every problem names where it is.
 */
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { ContentProblem } from './content-problems.ts';

export type WithLine<T> = T & { line: number };

/** What this module needs of a zod schema, so that src/lib stays free of Astro imports. */
export interface Validator<T> {
  safeParse(value: unknown):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

export function parseYamlList<T extends { id: string }>(
  text: string,
  file: string,
  schema: Validator<T>,
): { items: WithLine<T>[]; problems: ContentProblem[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const problems: ContentProblem[] = [];
  for (const error of document.errors) {
    problems.push({
      file,
      line: error.linePos?.[0]?.line,
      message: `the YAML cannot be read (${error.code}).`,
      fix: 'check the indentation and quoting on that line.',
    });
  }
  if (problems.length > 0) return { items: [], problems };
  if (!isSeq(document.contents)) {
    return { items: [], problems: [{ file, line: 1, message: 'expected a list of entries.', fix: 'start each entry with "- id: ...".' }] };
  }

  const items: WithLine<T>[] = [];
  const firstLineOfId = new Map<string, number>();
  for (const node of document.contents.items) {
    const line = node && typeof node === 'object' && 'range' in node && node.range ? lineCounter.linePos(node.range[0]).line : 1;
    const value: unknown = isMap(node) ? node.toJSON() : node;
    const result = schema.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({
          file,
          line,
          message: `${issue.path.length > 0 ? `field "${issue.path.map(String).join('.')}": ` : ''}${issue.message}`,
          fix: 'correct this entry.',
        });
      }
      continue;
    }
    const { id } = result.data;
    const earlier = firstLineOfId.get(id);
    if (earlier !== undefined) {
      problems.push({
        file,
        line,
        message: `duplicate id "${id}" (first used on line ${earlier}).`,
        fix: 'give each entry its own id; ids are permanent, so rename the new one.',
      });
      continue;
    }
    firstLineOfId.set(id, line);
    items.push({ ...result.data, line });
  }
  return { items, problems };
}
