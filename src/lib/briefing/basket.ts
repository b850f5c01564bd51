/**
 * The briefing basket (issue 16): the paragraphs a reader collects to put Ofsted's findings into a
 * briefing, in the order they chose, and the three forms it leaves the site in (rich text for Word
 * or email, plain text, Markdown). Pure: the page (src/browser/briefing-page.ts) stores the list,
 * fetches each report's paragraphs (/data/paragraphs/<slug>.json, src/lib/briefing/paragraph-files.ts) and
 * puts the result on the clipboard.
 *
 * A paragraph is named `<slug>:<anchor>` (src/lib/briefing/paragraph-id.ts). A briefing link holds the list
 * in its address: `/briefing/?p=<slug>:<anchor>,<slug>:<anchor>`.
 */
import { briefingId, ID_SEPARATOR } from './paragraph-id.ts';
import { escapeHtml } from '../utils/escape.ts';
import { isParagraphId } from '../record/paragraph-numbering.ts';

/** A report's permanent slug: lower-case letters, digits and hyphens (DESIGN.md §2). */
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** The query parameter of a briefing link. */
export const BRIEFING_PARAM = 'p';

export interface BriefingRef {
  /** `<slug>:<anchor>`. */
  id: string;
  slug: string;
  anchor: string;
}

/** An entry that could not be used, and why, in words for the reader. */
export interface Rejected {
  entry: string;
  reason: string;
}

/** Reads one entry (`2025-06-monitoring-visit-7:p12`); says what is wrong with it otherwise. */
export function parseEntry(entry: string): BriefingRef | Rejected {
  const at = entry.lastIndexOf(ID_SEPARATOR);
  if (at < 0) return { entry, reason: 'not a paragraph reference (it should look like report-name:p12)' };
  const slug = entry.slice(0, at);
  const anchor = entry.slice(at + 1);
  if (!SLUG.test(slug)) return { entry, reason: `“${slug}” is not the name of a report` };
  if (!isParagraphId(anchor)) return { entry, reason: `“${anchor}” is not a paragraph number (p12, p6-2 or s3)` };
  return { id: briefingId(slug, anchor), slug, anchor };
}

function isRef(value: BriefingRef | Rejected): value is BriefingRef {
  return 'id' in value;
}

/**
 * Reads a list of entries, as a briefing link or the browser's storage holds it: a comma-separated
 * string or an array. Keeps the first of any repeated paragraph; lists every bad entry.
 */
export function parseList(value: string | readonly string[] | null | undefined): { refs: BriefingRef[]; rejected: Rejected[] } {
  const entries = typeof value === 'string' ? value.split(',') : [...(value ?? [])];
  const refs: BriefingRef[] = [];
  const rejected: Rejected[] = [];
  const seen = new Set<string>();
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry === '') continue;
    const parsed = parseEntry(entry);
    if (!isRef(parsed)) rejected.push(parsed);
    else if (!seen.has(parsed.id)) {
      seen.add(parsed.id);
      refs.push(parsed);
    }
  }
  return { refs, rejected };
}

/** The query string of a briefing link: `?p=a:p1,b:s3`. Slugs and anchors need no escaping. */
export function briefingQuery(ids: readonly string[]): string {
  return `?${BRIEFING_PARAM}=${ids.join(',')}`;
}

/** The list with the item at `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  const result = [...list];
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return result;
  [result[index], result[to]] = [result[to]!, result[index]!];
  return result;
}

/**
 * "Add these to my briefing" on a shared briefing: the reader's own list first, as it was, then each
 * shared paragraph that is not already in it, in the shared order. Never a duplicate.
 */
export function addShared(own: readonly string[], shared: readonly string[]): string[] {
  return [...new Set([...own, ...shared])];
}

/** One paragraph as /data/paragraphs/<slug>.json gives it. */
export interface BriefingParagraphData {
  anchor: string;
  /** "paragraph 12", "paragraph 6, point 2", "summary, paragraph 3". */
  label: string;
  /** The paragraph's words, exactly as published. */
  words: string;
  /** The ready citation, with the permanent link and the fingerprint. */
  citation: string;
  /** The permanent link: the report's page with the paragraph's anchor. */
  url: string;
  /** The first 8 hex digits of the paragraph's hash (src/lib/record/fingerprint.ts). */
  fingerprint: string;
}

/** /data/paragraphs/<slug>.json: one report's paragraphs, all a briefing needs of them. */
export interface ReportParagraphsFile {
  report: string;
  /** The report's short title: "Monitoring visit 7 (June 2025)". */
  title: string;
  /** `full`: Ofsted's words; `summary`: this site's summary. */
  text: 'full' | 'summary';
  paragraphs: BriefingParagraphData[];
}

/** A paragraph of the briefing with everything its exports show. */
export interface ResolvedParagraph extends BriefingParagraphData {
  id: string;
  report: string;
  title: string;
  text: 'full' | 'summary';
}

/**
 * The briefing's paragraphs, in its order, from the reports' files (`undefined`: no such report).
 * Every entry that names no published paragraph is listed, never dropped unseen.
 */
export function resolve(
  refs: readonly BriefingRef[],
  files: ReadonlyMap<string, ReportParagraphsFile | undefined>,
): { paragraphs: ResolvedParagraph[]; rejected: Rejected[] } {
  const paragraphs: ResolvedParagraph[] = [];
  const rejected: Rejected[] = [];
  for (const ref of refs) {
    const file = files.get(ref.slug);
    if (!file) {
      rejected.push({ entry: ref.id, reason: `there is no report called “${ref.slug}”` });
      continue;
    }
    const paragraph = file.paragraphs.find((candidate) => candidate.anchor === ref.anchor);
    if (!paragraph) {
      rejected.push({ entry: ref.id, reason: `${file.title} has no paragraph ${ref.anchor}` });
      continue;
    }
    paragraphs.push({ ...paragraph, id: ref.id, report: file.report, title: file.title, text: file.text });
  }
  return { paragraphs, rejected };
}

/** What the exports say about where they come from. */
export interface ExportContext {
  siteName: string;
  /** The site's home page, absolute. */
  siteUrl: string;
  /** The Open Government Licence's address (src/lib/site/urls.ts OGL_URL). */
  oglUrl: string;
}

/** The words before a summary, so nobody takes it for Ofsted's. */
export function summaryLabel(siteName: string): string {
  return `Summary written by ${siteName}, not Ofsted’s words:`;
}

/** The closing attribution, once per briefing: the licence, and a word on summaries if any. */
export function attribution(paragraphs: readonly ResolvedParagraph[], context: ExportContext): string[] {
  const lines = [
    `Ofsted material is © Crown copyright and is reproduced under the Open Government Licence v3.0 (${context.oglUrl}).`,
    `Citations and permanent links from ${context.siteName} (${context.siteUrl}).`,
  ];
  if (paragraphs.some((paragraph) => paragraph.text === 'summary')) {
    lines.push(`Paragraphs marked as summaries are ${context.siteName}’s own words, not Ofsted’s.`);
  }
  return lines;
}

/** The citation as HTML with its permanent link made a link. */
function citationHtml(paragraph: ResolvedParagraph): string {
  const escaped = escapeHtml(paragraph.citation);
  const link = escapeHtml(paragraph.url);
  return escaped.replace(link, `<a href="${link}">${link}</a>`);
}

/** Text with addresses made links, for the attribution in HTML. */
function linkedHtml(text: string): string {
  return escapeHtml(text).replace(/https?:\/\/[^\s()<>]+[^\s()<>.,]/g, (address) => `<a href="${address}">${address}</a>`);
}

/** Rich text for Word or email: each finding a quotation, then its citation; the licence at the end. */
export function briefingHtml(paragraphs: readonly ResolvedParagraph[], context: ExportContext): string {
  const parts = paragraphs.map((paragraph) => {
    const label = paragraph.text === 'summary' ? `<p><strong>${escapeHtml(summaryLabel(context.siteName))}</strong></p>\n` : '';
    return `${label}<blockquote><p>${escapeHtml(paragraph.words)}</p></blockquote>\n<p>${citationHtml(paragraph)}</p>`;
  });
  const closing = attribution(paragraphs, context)
    .map((line) => `<p><small>${linkedHtml(line)}</small></p>`)
    .join('\n');
  return `${parts.join('\n')}\n${closing}\n`;
}

/** Plain text: each finding in quotation marks, its citation on the next line, a blank line between. */
export function briefingText(paragraphs: readonly ResolvedParagraph[], context: ExportContext): string {
  const parts = paragraphs.map((paragraph) => {
    const label = paragraph.text === 'summary' ? `${summaryLabel(context.siteName)}\n` : '';
    return `${label}“${paragraph.words}”\n${paragraph.citation}`;
  });
  return `${[...parts, attribution(paragraphs, context).join('\n')].join('\n\n')}\n`;
}

/**
 * Markdown's special characters in running text, escaped so the words come out as written: a
 * paragraph that starts "6. The ..." must not become a numbered list, nor "*" emphasis.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .replace(/^(\d+)([.)])(\s)/, '$1\\$2$3')
    .replace(/^([#+-])(\s)/, '\\$1$2');
}

/** A Markdown file: a heading, each finding a block quotation and its citation, the licence at the end. */
export function briefingMarkdown(paragraphs: readonly ResolvedParagraph[], context: ExportContext, heading: string): string {
  const parts = paragraphs.map((paragraph) => {
    const label = paragraph.text === 'summary' ? `**${escapeMarkdown(summaryLabel(context.siteName))}**\n\n` : '';
    const citation = escapeMarkdown(paragraph.citation).replace(escapeMarkdown(paragraph.url), `<${paragraph.url}>`);
    return `${label}> ${escapeMarkdown(paragraph.words)}\n\n${citation}`;
  });
  const closing = attribution(paragraphs, context)
    .map((line) => escapeMarkdown(line).replace(/https?:\/\/[^\s()<>]+[^\s()<>.,]/g, (address) => `<${address.replace(/\\/g, '')}>`))
    .join('\n');
  return `# ${escapeMarkdown(heading)}\n\n${parts.join('\n\n')}\n\n---\n\n${closing}\n`;
}

/** The downloaded file's name: `briefing-2026-11-23.md`, the day in the reader's own time zone. */
export function briefingFileName(day: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `briefing-${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}.md`;
}
