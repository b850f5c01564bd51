/**
 * The importer: the text of an Ofsted letter or inspection report (or the PDF itself) in, an
 * MDX report out (DESIGN.md §4). Pure: no file system; scripts/import.ts reads and writes the
 * files. Letters are read by clean.ts and extract.ts, reports by report.ts; recognise.ts
 * decides what a document is, and cuts a letter out of a document that wraps it.
 *
 * It refuses, with an ImportError whose message is one line naming the file, the reason and
 * the fix, anything that it cannot turn into a report the build would accept.
 */
import { parse } from 'yaml';
import { reportSchema, type ReportKind } from '../record/schema.ts';
import { expectedSlug } from '../record/report-entries.ts';
import { mdxBlocks, stripFrontmatter, type TextBlock } from './blocks.ts';
import { CLOSING, DATE_LINE, parseLetter, SALUTATION, type LetterParts } from './clean.ts';
import { extractFields, type ExtractedFields } from './extract.ts';
import { headParagraphs, renderBody, renderMdx, renderReportBody } from './mdx.ts';
import { footnoteTargets, isInspectionReport, parseReport, type ReportParts } from './report.ts';
import { authorityName } from './council.ts';
import { letterFootnoteTargets } from './letter-footnotes.ts';
import { findWrappedLetter, looksLikeCouncilReport, otherDocumentReason } from './recognise.ts';
import { ImportError } from './errors.ts';
import { pdfToText } from './pdf.ts';
import type { ThemeKeywords } from './suggest-themes.ts';

export { ImportError, type ImportErrorCode } from './errors.ts';
export { decodeText } from './encoding.ts';
export { otherCouncilWarning } from './council.ts';

export interface ImportOptions {
  /** The input file as the user named it, for messages. */
  fileName: string;
  /**
   * The taxonomy, to suggest themes for each paragraph (as <Finding themes="..." suggested>).
   * Without it, paragraphs are written unannotated.
   */
  themes?: readonly ThemeKeywords[];
}

/** The frontmatter the importer writes: the schema's fields, dates as `YYYY-MM-DD` strings. */
export interface ImportedFrontmatter extends ExtractedFields {
  title: string;
  kind: ReportKind;
  authority: string;
  headline: string;
  visitStart: string;
  text: 'full';
  sources: Array<{ title: string; url: string }>;
  /** Inspection reports: the judgement table, and Ofsted's own paragraph numbers. */
  judgements?: Array<{ area: string; grade: string }>;
  paragraphNumbers?: 'ofsted';
  /** Inspection reports: the year of the report's own "© Crown copyright YYYY" line, where it prints one. */
  copyrightYear?: number;
}

export interface ImportResult {
  /** The report's file name without `.mdx`, e.g. `2025-06-monitoring-visit-7`. */
  slug: string;
  frontmatter: ImportedFrontmatter;
  mdx: string;
  /** Fields an editor must fill in or check, in frontmatter order. */
  missing: string[];
  /** What the importer did that the person running it must know (printed on stderr). */
  notes: string[];
}

export const HEADLINE_PLACEHOLDER = 'TODO: one-line headline in plain English';

/**
 * Is this an Ofsted letter? Three independent signals must all be present, because each alone
 * is common in other documents (a news story about an inspection names Ofsted and inspections;
 * any letter has "Dear"):
 * - an inspector: "His/Her Majesty’s Inspector(s)", "HMI", or Ofsted by name (the 2025 seed
 *   never names Ofsted, so the inspector wording is what it has);
 * - a visit: "monitoring visit", "focused visit", "inspection", or "children’s services";
 * - the shape of a letter: a "Dear ..." salutation or a "Yours sincerely/faithfully" sign-off.
 * Returns the reason it is not one, or undefined.
 */
export function notALetterReason(text: string): string | undefined {
  const oneLine = text.replace(/\s+/g, ' ');
  const inspector = /\b(?:His|Her) Majesty[’']s [Ii]nspectors?\b|\bHMI\b|\bOfsted\b/.test(oneLine);
  const visit = /\b(?:monitoring visit|focused visit|inspection|children[’']s services)\b/i.test(oneLine);
  // The same salutation and sign-off the letter parser reads (clean.ts), on any line.
  const letter = text.split('\n').some((line) => SALUTATION.test(line.trim()) || CLOSING.test(line.trim()));
  if (!inspector && !visit) return 'this does not look like an Ofsted letter (no inspector or visit wording found)';
  if (!inspector) return 'this does not look like an Ofsted letter (no inspector named as His or Her Majesty’s Inspector, HMI or Ofsted)';
  if (!visit) return 'this does not look like an Ofsted letter (no visit or inspection wording found)';
  if (!letter && looksLikeCouncilReport(text)) {
    return 'this seems to be a council report (a committee, cabinet or scrutiny paper) about an Ofsted letter, not the letter itself (it has no “Dear ...” salutation or “Yours sincerely” sign-off)';
  }
  if (!letter) return 'this does not look like an Ofsted letter (it has no “Dear ...” salutation or “Yours sincerely” sign-off)';
  return undefined;
}

const FIELD_WORDS: Record<string, string> = {
  title: 'the subject line (title)',
  kind: 'the kind of visit (kind)',
  visitNumber: 'the monitoring visit’s number (visitNumber)',
  authority: 'the council’s name (authority)',
  visitStart: 'the dates of the visit (visitStart)',
};

function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The frontmatter in the reference file's order, with the placeholders an editor replaces. */
function buildFrontmatter(fields: ExtractedFields, authorityHint: string): Record<string, unknown> {
  const ordered: Record<string, unknown> = {
    title: fields.title,
    kind: fields.kind,
    visitNumber: fields.visitNumber,
    authority: fields.authority,
    headline: HEADLINE_PLACEHOLDER,
    visitStart: fields.visitStart,
    visitEnd: fields.visitEnd,
    letterDate: fields.letterDate,
    inspectors: fields.inspectors,
    areasCovered: fields.areasCovered,
    followsUp: fields.followsUp,
    text: 'full',
    // The importer cannot know the letter's address: it points to where an editor will find it.
    sources: [{ title: `Ofsted reports site (search for ${authorityHint})`, url: 'https://reports.ofsted.gov.uk/' }],
  };
  for (const key of Object.keys(ordered)) if (ordered[key] === undefined) delete ordered[key];
  return ordered;
}

/** The fields an editor must supply, in frontmatter order; headline and sources always. */
function missingFields(fields: ExtractedFields): string[] {
  const kind = fields.kind;
  const expected = [
    'title',
    'kind',
    ...(kind === 'monitoring-visit' ? ['visitNumber'] : []),
    'authority',
    'headline',
    'visitStart',
    'visitEnd',
    'letterDate',
    'inspectors',
    ...(kind === 'inspection' ? ['judgements'] : ['areasCovered']),
    ...(kind === 'monitoring-visit' ? ['followsUp'] : []),
    'sources',
  ];
  const placeholders = new Set(['headline', 'sources', 'judgements']);
  return expected.filter((key) => placeholders.has(key) || fields[key as keyof ExtractedFields] === undefined);
}

/** The blocks the MDX must show, for the check that it renders exactly these words. */
function intendedBlocks(letter: LetterParts): TextBlock[] {
  const blocks: TextBlock[] = [];
  const paragraph = (text: string): void => void blocks.push({ type: 'paragraph', text });
  for (const lines of headParagraphs(letter.head, (line) => DATE_LINE.test(line))) paragraph(lines.join('\n'));
  if (letter.salutation) paragraph(letter.salutation);
  if (letter.subject) paragraph(letter.subject);
  for (const block of letter.body) {
    if (block.type === 'list') for (const item of block.items) blocks.push({ type: 'list-item', text: item });
    else blocks.push({ type: block.type, text: block.text });
  }
  if (letter.closing) paragraph(letter.closing);
  for (const lines of letter.signature) paragraph(lines.join('\n'));
  for (const note of letter.footnotes ?? []) paragraph(note.text);
  return blocks;
}

/**
 * Turns the text of an Ofsted letter into an MDX report.
 * Throws ImportError if the text is empty, is not an Ofsted letter, or lacks a field every
 * report needs (title, kind, authority, visit dates, and a monitoring visit's number).
 */
export function importLetter(text: string, options: ImportOptions): ImportResult {
  const file = options.fileName;
  if (text.trim() === '') {
    throw new ImportError('empty', file, 'the file is empty', 'pass the file that holds the letter’s text (or its PDF)');
  }
  const reason = notALetterReason(text);
  if (reason) {
    throw new ImportError('not-a-letter', file, reason, 'check you passed the letter’s text, not another document');
  }

  const letter = parseLetter(text);
  const fields = extractFields(letter);
  const required = ['title', 'kind', ...(fields.kind === 'monitoring-visit' ? ['visitNumber'] : []), 'authority', 'visitStart'];
  const absent = required.filter((key) => fields[key as keyof ExtractedFields] === undefined);
  if (absent.length > 0) {
    throw new ImportError(
      'missing-required',
      file,
      `could not find ${listWords(absent.map((key) => FIELD_WORDS[key] ?? key))}, which every report needs`,
      'check the file holds the whole letter (its subject line and first paragraph), or write the report by hand',
    );
  }

  const ordered = buildFrontmatter(fields, councilHint(fields.authority!));
  const body = renderBody(letter, (line) => DATE_LINE.test(line), options.themes);
  const result = checkedResult(file, ordered, body, intendedBlocks(letter), missingFields(fields));
  const unplaced = letterFootnoteTargets(letter.body, letter.footnotes ?? []).flatMap((target, index) => (target === undefined ? [`footnote ${index + 1}`] : []));
  if (unplaced.length > 0) {
    result.notes.push(`could not tell which paragraph carries the mark of ${listWords(unplaced)}: write its anchor (or heading id) in of="..." (the build refuses the placeholder)`);
  }
  return result;
}

/**
 * The result, once proved: the frontmatter valid by the schema the build uses (read back as
 * YAML), and the MDX parsing to exactly the intended blocks, words and order.
 */
function checkedResult(
  file: string,
  ordered: Record<string, unknown>,
  body: string,
  intended: readonly TextBlock[],
  missing: string[],
): ImportResult {
  const mdx = renderMdx(ordered, body);

  // Validate what will be written, read back as YAML, with the schema the build uses.
  const frontmatterText = /^---\n([\s\S]*?)\n---\n/.exec(mdx)?.[1] ?? '';
  const checked = reportSchema.safeParse(parse(frontmatterText));
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new ImportError(
      'internal',
      file,
      `the frontmatter built from it is not valid (${issue?.path.join('.') || 'frontmatter'}: ${issue?.message ?? 'invalid'})`,
      'write the report by hand, and report this letter as an importer bug',
    );
  }

  // Prove the MDX parses and shows exactly the words of the document, in order.
  let rendered: TextBlock[];
  try {
    rendered = mdxBlocks(stripFrontmatter(mdx));
  } catch (error) {
    throw new ImportError(
      'internal',
      file,
      `the MDX built from it does not parse (${(error as Error).message.split('\n')[0]})`,
      'write the report by hand, and report this letter as an importer bug',
    );
  }
  const mismatch = intended.findIndex((block, index) => rendered[index]?.type !== block.type || rendered[index]?.text !== block.text);
  if (mismatch >= 0 || rendered.length !== intended.length) {
    const index = mismatch >= 0 ? mismatch : Math.min(rendered.length, intended.length);
    throw new ImportError(
      'internal',
      file,
      `the MDX built from it would not show the document’s words exactly (block ${index + 1}: “${(intended[index]?.text ?? '').slice(0, 60)}”)`,
      'write the report by hand, and report this letter as an importer bug',
    );
  }

  // The slug from the validated data, by the rule the build checks file names with.
  const slug = expectedSlug(checked.data);
  return { slug, frontmatter: ordered as unknown as ImportedFrontmatter, mdx, missing, notes: [] };
}

/** The blocks of a report's body and its footnotes, as the MDX must show them. */
function intendedReportBlocks(report: ReportParts): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const block of report.body) {
    if (block.type === 'list') for (const item of block.items) blocks.push({ type: 'list-item', text: item });
    else blocks.push({ type: block.type, text: block.text });
  }
  for (const note of report.footnotes) blocks.push({ type: 'paragraph', text: note });
  return blocks;
}

/**
 * The frontmatter of an inspection report: its judgements, and `paragraphNumbers: ofsted`
 * where it numbers its own paragraphs (left out where it prints none, as for a letter). An
 * ILACS report does not print its publication date: `published` is then left for the editor,
 * never guessed. `copyrightYear` is the year of the report's own "© Crown copyright" line (on its
 * back page), which the page's licence line gives: it may be the year after publication.
 */
function reportFrontmatter(report: ReportParts, authority: string): Record<string, unknown> {
  const ordered: Record<string, unknown> = {
    title: report.title,
    kind: 'inspection',
    authority,
    headline: HEADLINE_PLACEHOLDER,
    visitStart: report.dates?.start,
    visitEnd: report.dates?.end,
    published: report.published,
    copyrightYear: report.copyrightYear,
    inspectors: report.inspectors.length > 0 ? report.inspectors : undefined,
    judgements: report.judgements.length > 0 ? report.judgements : undefined,
    text: 'full',
    paragraphNumbers: report.numbered ? 'ofsted' : undefined,
    sources: [{ title: `Ofsted reports site (search for ${councilHint(authority)})`, url: 'https://reports.ofsted.gov.uk/' }],
  };
  for (const key of Object.keys(ordered)) if (ordered[key] === undefined) delete ordered[key];
  return ordered;
}

/**
 * The fields of a report an editor must supply: always headline and sources, and published
 * unless the report prints it (only the 2014-18 ones do).
 */
function missingReportFields(frontmatter: Record<string, unknown>): string[] {
  const expected = ['title', 'authority', 'headline', 'visitStart', 'visitEnd', 'published', 'inspectors', 'judgements', 'sources'];
  const placeholders = new Set(['headline', 'sources']);
  return expected.filter((key) => placeholders.has(key) || frontmatter[key] === undefined);
}

/**
 * Turns the text of an Ofsted inspection report into an MDX report.
 * Throws ImportError if it lacks a field every report needs (title, authority, dates).
 */
export function importReport(text: string, options: ImportOptions): ImportResult {
  const file = options.fileName;
  const report = parseReport(text);
  const absent = [
    ...(report.title ? [] : ['the report’s title']),
    ...(report.authority ? [] : ['the council’s name']),
    ...(report.dates ? [] : ['the inspection dates']),
  ];
  if (absent.length > 0) {
    throw new ImportError(
      'missing-required',
      file,
      `could not find ${listWords(absent)}, which every report needs`,
      'check the file holds the whole report (its first page), or write the report by hand',
    );
  }
  const ordered = reportFrontmatter(report, authorityName(report.authority!));
  const targets = footnoteTargets(report);
  const body = renderReportBody(report.body, report.footnotes, options.themes, targets);
  const missing = missingReportFields(ordered);
  // A table read in part: the editor must add what could not be read (before `sources`, in order).
  const incomplete = report.unreadJudgements.length > 0 || report.unknownJudgements.length > 0;
  if (incomplete && !missing.includes('judgements')) missing.splice(missing.indexOf('sources'), 0, 'judgements');
  const result = checkedResult(file, ordered, body, intendedReportBlocks(report), missing);
  if (report.afterBackPage) {
    result.notes.push(`the PDF goes on after this report’s back page with another report, “${report.afterBackPage}”: not imported here (one page holds one run of Ofsted’s paragraph numbers); import it on its own`);
  }
  if (report.unreadJudgements.length > 0) {
    result.notes.push(`could not read the grade of ${listWords(report.unreadJudgements.map((area) => `“${area}”`))} : left out, never guessed; add it from the document where it is one of today’s four grades (a 2013 “adequate” has none, so leave it out)`);
  }
  if (report.unknownJudgements.length > 0) {
    const rows = report.unknownJudgements.map((judgement) => `“${judgement.area}” (${judgement.grade})`);
    result.notes.push(`the judgement table’s ${listWords(rows)} names no judgement area the site knows: left out, never written as an area; add each judgement from the document under its area’s name (a new framework’s wording goes into AREA_SERIES in src/lib/pictures/judgement-history.ts)`);
  }
  const unplaced = targets.flatMap((target, index) => (target === undefined ? [`footnote ${index + 1}`] : []));
  if (unplaced.length > 0) {
    result.notes.push(`could not tell which paragraph carries the mark of ${listWords(unplaced)}: write its anchor (or heading id, or "title") in of="..." (the build refuses the placeholder)`);
  }
  return result;
}

/**
 * Any Ofsted document about children's services: an inspection report, or a letter, or a
 * letter inside a council's covering report (only the letter is imported, and the result says
 * so). Other documents are refused, saying what they seem to be.
 */
export function importDocument(text: string, options: ImportOptions): ImportResult {
  const file = options.fileName;
  if (text.trim() === '') {
    throw new ImportError('empty', file, 'the file is empty', 'pass the file that holds the letter’s text (or its PDF)');
  }
  const other = otherDocumentReason(text);
  if (other) throw new ImportError('other-document', file, other, 'import only Ofsted’s letters and reports about children’s services');
  if (isInspectionReport(text)) return importReport(text, options);
  const wrapped = findWrappedLetter(text);
  if (!wrapped) return importLetter(text, options);
  const result = importLetter(wrapped.text, options);
  result.notes.push(
    `${file}: imported only the Ofsted letter (lines ${wrapped.from} to ${wrapped.to}); the ${looksLikeCouncilReport(text) ? 'council’s report' : 'text'} around it is left out: check the letter is whole`,
  );
  return result;
}

/** The place to search the reports site for: the council's name without "Council". */
function councilHint(authority: string): string {
  return authority.replace(/\s+(?:County|City|Borough|District|Metropolitan Borough)?\s*Council$/, '').trim() || authority;
}

/** Turns an Ofsted document's PDF into an MDX report, through its text layer. */
export async function importPdf(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const text = await pdfToText(bytes, options.fileName);
  return importDocument(text, options);
}

/** A PDF starts with `%PDF-` (within its first kilobyte, by the specification's tolerance). */
export function looksLikePdf(bytes: Uint8Array, fileName: string): boolean {
  if (/\.pdf$/i.test(fileName)) return true;
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return start.includes('%PDF-');
}
