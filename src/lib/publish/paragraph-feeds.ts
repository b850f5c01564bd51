/**
 * The Atom feeds of a theme (/themes/<id>/feed.xml) and of a 2018 weakness
 * (/weaknesses/<id>/feed.xml): one entry per paragraph, newest report first, so that someone
 * following a theme or a weakness learns of each new paragraph on it. A feed is news, polled by
 * readers: it carries the latest FEED_ENTRY_LIMIT entries, not the whole record (every paragraph
 * on a theme was 3.5 MB at 1,000 reports); the page it follows has them all. Built from the record,
 * like the pages they follow, and serialised by src/lib/publish/atom.ts. Pure: the pages pass a function
 * that turns a site path into an absolute URL (the site URL and base the build uses).
 */
import type { ReportData } from '../record/schema.ts';
import { atomDate, type AtomEntry, type AtomFeed } from './atom.ts';
import { formatMonth } from '../utils/dates.ts';
import { paragraphLabel } from '../record/paragraph-numbering.ts';
import type { ReportParagraph } from '../record/paragraphs.ts';
import type { InspectionRecord, RecordReport } from '../record/build-record.ts';
import { documentDate, shortTitle } from '../record/report-entries.ts';
import { SITE_COUNCIL, SITE_NAME } from '../site/council.ts';
import { OGL_URL, paragraphPath, themeFeedPath, themePath, weaknessFeedPath, weaknessPath } from '../site/urls.ts';

/**
 * The most entries a feed carries, newest first: about 900 bytes each, so a full feed is under
 * 100 KB (20 KB gzipped). The real record's largest theme has fewer, so its feeds list every one.
 */
export const FEED_ENTRY_LIMIT = 100;

/** Said after a feed's own subtitle: what it carries, and where the rest is. */
export const FEED_LIMIT_NOTE = `This feed carries the latest ${FEED_ENTRY_LIMIT} paragraphs at most, newest first; the page it follows leads to every one.`;

/** A site path (`reports/x/#p3`, relative to the base) -> its absolute URL. */
export type Absolute = (path: string) => string;

export const FEED_RIGHTS = `Ofsted’s letters and reports are © Crown copyright, reproduced under the Open Government Licence v3.0 (${OGL_URL}). Entries marked as our summary are this site’s words, not Ofsted’s.`;

/** Said before a summary's words, so that a feed reader never shows them as Ofsted's. */
export const SUMMARY_LABEL = 'Our summary, not Ofsted’s words: ';

/** "Inspection of Herefordshire children’s services, June 2018, paragraph 17". */
export function entryTitle(report: RecordReport, paragraph: ReportParagraph): string {
  const { data } = report;
  const summary = data.text === 'summary' ? ' (our summary)' : '';
  return `${shortTitle(data)} of ${SITE_COUNCIL.place} children’s services, ${formatMonth(data.visitStart)}, ${paragraphLabel(paragraph.ref)}${summary}`;
}

export function paragraphEntry(report: RecordReport, paragraph: ReportParagraph, absolute: Absolute): AtomEntry {
  const address = absolute(paragraphPath(report.id, paragraph.id));
  return {
    // The permanent address is the paragraph's identity: the anchor manifest keeps it to the same words.
    id: address,
    title: entryTitle(report, paragraph),
    updated: atomDate(documentDate(report.data)),
    link: address,
    content: report.data.text === 'summary' ? `${SUMMARY_LABEL}${paragraph.text}` : paragraph.text,
  };
}

interface Quoted {
  report: RecordReport;
  paragraph: ReportParagraph;
}

function feed(
  record: Pick<InspectionRecord, 'reports'>,
  quoted: readonly Quoted[],
  absolute: Absolute,
  fields: Pick<AtomFeed, 'title' | 'subtitle'> & { page: string; feed: string },
): AtomFeed {
  // `quoted` is newest first: the latest entries are its first.
  const entries = quoted.slice(0, FEED_ENTRY_LIMIT).map(({ report, paragraph }) => paragraphEntry(report, paragraph, absolute));
  // Newest first, so the first entry's date is the feed's; a feed with no entry yet takes the
  // newest report's, the last time anything it could list was published.
  const newest = entries[0]?.updated ?? atomDate(record.reports[0] ? documentDate(record.reports[0].data) : '1970-01-01');
  const self = absolute(fields.feed);
  return {
    id: self,
    title: fields.title,
    subtitle: `${fields.subtitle} ${FEED_LIMIT_NOTE}`,
    updated: newest,
    self,
    alternate: absolute(fields.page),
    author: { name: SITE_NAME, uri: absolute('') },
    rights: FEED_RIGHTS,
    entries,
  };
}

/** The paragraphs tagged with the theme, in the theme pages' order (newest report first, document order within): the latest FEED_ENTRY_LIMIT. */
export function themeFeed(record: Pick<InspectionRecord, 'reports' | 'themeById' | 'paragraphsByTheme'>, themeId: string, absolute: Absolute): AtomFeed {
  const theme = record.themeById.get(themeId);
  if (!theme) throw new Error(`No theme "${themeId}".`);
  return feed(record, record.paragraphsByTheme.get(themeId) ?? [], absolute, {
    title: `Theme: ${theme.label} – ${SITE_NAME}`,
    subtitle: theme.description,
    page: themePath(themeId),
    feed: themeFeedPath(themeId),
  });
}

/**
 * The weakness's paragraphs in the order of its page, reports reversed: the page tells the
 * journey oldest first, a feed is newest first. So each later visit's justifying paragraphs
 * (the paragraph with the evidence first, as on the page), newest visit first, then the 2018
 * source paragraph and the item of the 2018 list that names it. The 2014 history on the page is
 * context, not news, and is left out. The latest FEED_ENTRY_LIMIT of them: once that many later
 * paragraphs speak to a weakness, its 2018 paragraphs are old news, on its page.
 */
export function weaknessFeed(record: Pick<InspectionRecord, 'reports' | 'weaknessProgress'>, weaknessId: string, absolute: Absolute): AtomFeed {
  const progress = record.weaknessProgress.find((candidate) => candidate.weakness.id === weaknessId);
  if (!progress) throw new Error(`No weakness "${weaknessId}".`);
  const quoted: Quoted[] = [];
  // Newest visit first, stopping once the feed is full: the cells are oldest first.
  for (let index = progress.cells.length - 1; index >= 0 && quoted.length < FEED_ENTRY_LIMIT; index--) {
    const cell = progress.cells[index]!;
    for (const paragraph of cell.paragraphs) quoted.push({ report: cell.report, paragraph });
  }
  quoted.push(progress.source);
  if (progress.improvementItem) quoted.push(progress.improvementItem);
  return feed(record, quoted, absolute, {
    title: `2018 weakness: ${progress.weakness.title} – ${SITE_NAME}`,
    subtitle: progress.weakness.finding,
    page: weaknessPath(weaknessId),
    feed: weaknessFeedPath(weaknessId),
  });
}
