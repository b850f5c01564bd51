/**
 * A small Atom (RFC 4287) serialiser: the theme and weakness feeds list paragraphs, and Atom has
 * what they need that RSS lacks (a stable id per entry, text content, a rights line).
 * @astrojs/rss, which makes /feed.xml, only writes RSS. Pure: the feed pages (src/pages/themes/[id]/feed.xml.ts,
 * src/pages/weaknesses/[id]/feed.xml.ts) hand it plain values.
 */
import { startOfDateUtc } from '../utils/dates.ts';
import { escapeHtml } from '../utils/escape.ts';

export interface AtomPerson {
  name: string;
  uri?: string;
}

export interface AtomEntry {
  /** A permanent, unique IRI. */
  id: string;
  title: string;
  /** RFC 3339, e.g. 2018-07-23T00:00:00Z (see atomDate). */
  updated: string;
  /** rel="alternate": the entry's page. */
  link: string;
  /** Plain text, sent as type="text". */
  content: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** RFC 3339. */
  updated: string;
  /** rel="self": the feed's own address. */
  self: string;
  /** rel="alternate": the page the feed follows. */
  alternate: string;
  author: AtomPerson;
  rights: string;
  entries: readonly AtomEntry[];
}

export const ATOM_MEDIA_TYPE = 'application/atom+xml';

/*
 * Characters XML 1.0 does not allow at all, even escaped: C0 controls other than tab, line feed and
 * carriage return; lone surrogates; U+FFFE and U+FFFF. A letter's text should never hold one (the
 * importer removes control characters), but one would make the whole feed unreadable, so it is
 * dropped rather than written.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for element content or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return escapeHtml(text.replace(NOT_XML, '')).replace(/'/g, '&apos;');
}

/**
 * A record date (`2018-07-23`, or `2018-07` when only the month is known) as the RFC 3339
 * timestamp Atom requires: midnight UTC, the first of the month for a month alone.
 */
export function atomDate(date: string): string {
  return startOfDateUtc(date);
}

function element(name: string, text: string, attributes = ''): string {
  return `<${name}${attributes}>${escapeXml(text)}</${name}>`;
}

function link(rel: string, href: string, type?: string): string {
  return `<link rel="${rel}"${type ? ` type="${escapeXml(type)}"` : ''} href="${escapeXml(href)}"/>`;
}

/** The feed as an XML document, its entries in the order given. */
export function atomFeed(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `  ${element('id', feed.id)}`,
    `  ${element('title', feed.title, ' type="text"')}`,
    ...(feed.subtitle === undefined ? [] : [`  ${element('subtitle', feed.subtitle, ' type="text"')}`]),
    `  ${element('updated', feed.updated)}`,
    `  ${link('self', feed.self, ATOM_MEDIA_TYPE)}`,
    `  ${link('alternate', feed.alternate, 'text/html')}`,
    `  <author>${element('name', feed.author.name)}${feed.author.uri === undefined ? '' : element('uri', feed.author.uri)}</author>`,
    `  ${element('rights', feed.rights, ' type="text"')}`,
  ];
  for (const entry of feed.entries) {
    lines.push(
      '  <entry>',
      `    ${element('id', entry.id)}`,
      `    ${element('title', entry.title, ' type="text"')}`,
      `    ${element('updated', entry.updated)}`,
      `    ${link('alternate', entry.link, 'text/html')}`,
      `    ${element('content', entry.content, ' type="text"')}`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
