/**
 * The importer's refusals. Each is one line, `import: <file>: <reason>. Fix: <fix>`, so that a
 * person running the command sees what is wrong and what to do in one glance.
 */

export type ImportErrorCode =
  | 'usage'
  | 'not-found'
  | 'empty'
  | 'not-a-letter'
  | 'unreadable-pdf'
  | 'unreadable-text'
  | 'other-document'
  | 'other-council'
  | 'no-text-layer'
  | 'missing-required'
  | 'exists'
  | 'no-output-folder'
  | 'internal';

/** A refusal: `import: <file>: <reason>. Fix: <fix>` on one line. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly file: string | undefined;
  readonly reason: string;
  readonly fix: string;

  constructor(code: ImportErrorCode, file: string | undefined, reason: string, fix: string) {
    const ending = /[.!?]$/.test(fix) ? '' : '.';
    super(`import: ${file === undefined ? '' : `${file}: `}${reason}. Fix: ${fix}${ending}`.replace(/\s*\n\s*/g, ' '));
    this.name = 'ImportError';
    this.code = code;
    this.file = file;
    this.reason = reason;
    this.fix = fix;
  }
}

