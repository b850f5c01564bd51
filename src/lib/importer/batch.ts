/**
 * Importing a folder at once (`npm run import -- <folder>`): which files are documents, what
 * happened to each (imported, imported with problems, refused, or an importer bug), the one
 * line printed per file, the summary, and the same as JSON data. Pure: scripts/import.ts reads
 * the folder, imports each file and writes the reports.
 */
import type { ImportError, ImportErrorCode } from './errors.ts';

/**
 * The fields every import leaves to an editor (DESIGN.md §4): not a problem of one file, so the
 * folder's lines leave them out and the command says so once.
 */
export const EDITOR_FIELDS: readonly string[] = ['headline', 'sources'];

/**
 * A document the folder mode imports: a `.pdf` or `.txt` file (any case), not hidden. Hidden
 * files are left alone: `._report.pdf` is the resource fork a Mac writes beside a file on a
 * shared drive, not a PDF.
 */
export function isDocumentName(name: string): boolean {
  return /\.(?:pdf|txt)$/i.test(name) && !name.startsWith('.');
}

/** The documents among a folder's file names, by code point so the order never depends on a locale. */
export function documentNames(names: readonly string[]): string[] {
  return names.filter(isDocumentName).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A file imported and written, with problems for the editor or without. */
export interface ImportedOutcome {
  file: string;
  outcome: 'imported' | 'imported-with-problems';
  slug: string;
  /** The report written. */
  path: string;
  /** Every field left out, as the single-file mode lists them (headline and sources included). */
  missing: string[];
  /** What the editor must look at in this report: warnings, notes, fields missing beyond EDITOR_FIELDS. */
  problems: string[];
}

export interface RefusedOutcome {
  file: string;
  outcome: 'refused';
  code: ImportErrorCode;
  reason: string;
  fix: string;
}

export interface ImporterBugOutcome {
  file: string;
  outcome: 'importer-bug';
  reason: string;
  fix: string;
}

export type FileOutcome = ImportedOutcome | RefusedOutcome | ImporterBugOutcome;

/** A file imported and written to `path`, with what the single-file mode would print on stderr. */
export function importedOutcome(
  file: string,
  imported: { slug: string; path: string; missing: readonly string[]; notes: readonly string[]; warnings: readonly string[] },
): ImportedOutcome {
  const missing = imported.missing.filter((field) => !EDITOR_FIELDS.includes(field));
  const problems = [
    ...imported.warnings,
    ...imported.notes,
    ...(missing.length > 0 ? [`could not find: ${missing.join(', ')} (fill these in by hand)`] : []),
  ];
  return {
    file,
    outcome: problems.length > 0 ? 'imported-with-problems' : 'imported',
    slug: imported.slug,
    path: imported.path,
    missing: [...imported.missing],
    problems,
  };
}

/** A file the importer refused, for the reason and with the fix its ImportError gives. */
export function refusedOutcome(file: string, error: Pick<ImportError, 'code' | 'reason' | 'fix'>): RefusedOutcome {
  return { file, outcome: 'refused', code: error.code, reason: error.reason, fix: error.fix };
}

/** A file on which the importer failed with anything but a refusal: a bug in the importer. */
export function importerBugOutcome(file: string, error: unknown): ImporterBugOutcome {
  const message = error instanceof Error ? error.message : String(error);
  return {
    file,
    outcome: 'importer-bug',
    reason: `the importer failed (${message.split('\n')[0]!.trim() || (error instanceof Error ? error.name : 'no message')})`,
    fix: 'report this file as an importer bug, and write its report by hand',
  };
}

function sentence(reason: string, fix: string): string {
  return `${reason}. Fix: ${fix}${/[.!?]$/.test(fix) ? '' : '.'}`.replace(/\s*\n\s*/g, ' ');
}

/** The line printed for a file: `<file>: imported as <slug> (<path>)`, `<file>: refused: ...`. */
export function outcomeLine(outcome: FileOutcome): string {
  switch (outcome.outcome) {
    case 'imported':
      return `${outcome.file}: imported as ${outcome.slug} (${outcome.path})`;
    case 'imported-with-problems':
      return `${outcome.file}: imported with problems as ${outcome.slug} (${outcome.path}): ${outcome.problems.join('; ')}`.replace(/\s*\n\s*/g, ' ');
    case 'refused':
      return `${outcome.file}: refused: ${sentence(outcome.reason, outcome.fix)}`;
    case 'importer-bug':
      return `${outcome.file}: importer bug: ${sentence(outcome.reason, outcome.fix)}`;
  }
}

export interface FolderSummary {
  files: number;
  /** Written, with problems or without. */
  imported: number;
  withProblems: number;
  refused: number;
  importerBugs: number;
}

export function summarise(outcomes: readonly FileOutcome[]): FolderSummary {
  const count = (...kinds: Array<FileOutcome['outcome']>): number => outcomes.filter((outcome) => kinds.includes(outcome.outcome)).length;
  return {
    files: outcomes.length,
    imported: count('imported', 'imported-with-problems'),
    withProblems: count('imported-with-problems'),
    refused: count('refused'),
    importerBugs: count('importer-bug'),
  };
}

/** Did every file import (problems or not)? Otherwise the command exits non-zero. */
export function allImported(summary: FolderSummary): boolean {
  return summary.imported === summary.files;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `12 files: 10 imported (2 with problems), 2 refused`, and importer bugs where there are any. */
export function summaryLine(summary: FolderSummary): string {
  const parts = [
    `${summary.imported} imported${summary.withProblems > 0 ? ` (${summary.withProblems} with problems)` : ''}`,
    `${summary.refused} refused`,
    ...(summary.importerBugs > 0 ? [plural(summary.importerBugs, 'importer bug', 'importer bugs')] : []),
  ];
  return `${plural(summary.files, 'file', 'files')}: ${parts.join(', ')}`;
}

/** What `--json` writes: each file's outcome, in the order imported, and the summary. */
export interface FolderReport {
  folder: string;
  files: FileOutcome[];
  summary: FolderSummary;
}

export function folderReport(folder: string, outcomes: readonly FileOutcome[]): FolderReport {
  return { folder, files: [...outcomes], summary: summarise(outcomes) };
}
