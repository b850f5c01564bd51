/**
 * A document an index.csv lists, imported with the importer in memory (`npm run england`,
 * `npm run neighbours`): its import, or the problem that stops it, naming the file and the fix.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImportError, importPdf, type ImportResult } from '../src/lib/importer/index.ts';
import type { ThemeKeywords } from '../src/lib/importer/suggest-themes.ts';
import type { ContentProblem } from '../src/lib/utils/content-problems.ts';
import { shown } from './cli-io.ts';

export async function importListedPdf(folder: string, listed: string, themes?: readonly ThemeKeywords[]): Promise<{ result?: ImportResult; problem?: ContentProblem }> {
  const file = path.join(folder, listed);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { problem: { file: shown(file), message: `is listed in index.csv but cannot be read (${code}).`, fix: 'put the PDF in the folder, or take its row out of index.csv.' } };
  }
  try {
    return { result: await importPdf(bytes, { fileName: shown(file), themes }) };
  } catch (error) {
    if (error instanceof ImportError) {
      return { problem: { file: shown(file), message: `the importer refused it: ${error.message}`, fix: 'check it is the council’s inspection report as Ofsted published it, or make the importer read it (npm run import -- <file> --stdout).' } };
    }
    return { problem: { file: shown(file), message: `the importer crashed on it (${(error as Error).message.split('\n')[0]}).`, fix: 'report this as an importer bug.' } };
  }
}
