/**
 * Reading an Atom feed back in tests, and checking it against RFC 4287. The XML parser is
 * fast-xml-parser (a devDependency; @astrojs/rss uses it too): its validator says whether the document is well-formed XML, and its
 * parser gives the elements to check. (Its validator is marked deprecated in favour of a separate
 * package; it still works, and one more dependency for one test helper is not worth it.)
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';

export interface AtomLink {
  rel: string;
  type?: string;
  href: string;
}

export interface ParsedEntry {
  id: string;
  title: string;
  updated: string;
  links: AtomLink[];
  content?: { type?: string; text: string };
  authors: string[];
}

export interface ParsedFeed {
  id: string;
  title: string;
  subtitle?: string;
  updated: string;
  links: AtomLink[];
  authors: string[];
  rights?: string;
  entries: ParsedEntry[];
}

type Node = Record<string, unknown>;

const REPEATABLE = new Set(['feed', 'entry', 'link', 'author', 'id', 'title', 'updated', 'content', 'rights', 'name', 'subtitle']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  alwaysCreateTextNode: true,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => REPEATABLE.has(name),
});

const RFC3339 = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

function nodes(parent: Node, name: string): Node[] {
  const value = parent[name];
  return Array.isArray(value) ? (value as Node[]) : [];
}

function textOf(node: Node | undefined): string {
  return node ? String(node['#text'] ?? '') : '';
}

function links(parent: Node): AtomLink[] {
  return nodes(parent, 'link').map((link) => ({
    rel: String(link['@rel'] ?? 'alternate'),
    type: link['@type'] === undefined ? undefined : String(link['@type']),
    href: String(link['@href'] ?? ''),
  }));
}

function isAbsoluteIri(value: string): boolean {
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
}

/**
 * Everything in the document that RFC 4287 forbids or requires (sections 4.1.1 and 4.1.2, the
 * text, date and link constructs), as messages; an empty list for a valid feed. The document
 * must first be well-formed XML.
 */
export function atomProblems(xml: string): string[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`];
  const problems: string[] = [];
  const root = parser.parse(xml) as Node;
  const feeds = nodes(root, 'feed');
  const elementNames = Object.keys(root).filter((name) => !name.startsWith('?'));
  if (feeds.length !== 1 || elementNames.length !== 1) return [`the root element must be one <feed>, not ${elementNames.join(', ')}`];
  const feed = feeds[0]!;
  if (feed['@xmlns'] !== ATOM_NS) problems.push(`<feed> is not in the Atom namespace (${String(feed['@xmlns'])})`);

  function checkCommon(where: string, element: Node) {
    for (const name of ['id', 'title', 'updated']) {
      const count = nodes(element, name).length;
      if (count !== 1) problems.push(`${where} has ${count} <${name}> elements; it must have exactly one`);
    }
    for (const id of nodes(element, 'id').map(textOf)) {
      if (!isAbsoluteIri(id)) problems.push(`${where}: <id> "${id}" is not an absolute IRI`);
    }
    for (const updated of nodes(element, 'updated').map(textOf)) {
      if (!RFC3339.test(updated)) problems.push(`${where}: <updated> "${updated}" is not an RFC 3339 date-time`);
    }
    for (const name of ['title', 'subtitle', 'rights']) {
      for (const text of nodes(element, name)) {
        const type = text['@type'];
        if (type !== undefined && !['text', 'html', 'xhtml'].includes(String(type))) problems.push(`${where}: <${name}> has type "${String(type)}"`);
      }
    }
    const elementLinks = links(element);
    for (const link of elementLinks) if (!link.href) problems.push(`${where}: a <link> has no href`);
    const alternates = elementLinks.filter((link) => link.rel === 'alternate').map((link) => link.type ?? '');
    if (new Set(alternates).size !== alternates.length) problems.push(`${where} has two rel="alternate" links of the same type`);
    for (const author of nodes(element, 'author')) {
      if (nodes(author, 'name').length !== 1) problems.push(`${where}: an <author> must have exactly one <name>`);
    }
  }

  checkCommon('the feed', feed);
  if (nodes(feed, 'rights').length > 1) problems.push('the feed has more than one <rights>');
  if (!links(feed).some((link) => link.rel === 'self')) problems.push('the feed has no rel="self" link (RFC 4287 says it SHOULD)');
  const entries = nodes(feed, 'entry');
  const feedHasAuthor = nodes(feed, 'author').length > 0;
  entries.forEach((entry, index) => {
    const where = `entry ${index + 1}`;
    checkCommon(where, entry);
    if (!feedHasAuthor && nodes(entry, 'author').length === 0) problems.push(`${where} has no <author>, and neither has the feed`);
    const contents = nodes(entry, 'content');
    if (contents.length > 1) problems.push(`${where} has more than one <content>`);
    if (contents.length === 0 && !links(entry).some((link) => link.rel === 'alternate')) problems.push(`${where} has neither <content> nor a rel="alternate" link`);
    for (const content of contents) {
      if (content['@src'] === undefined && !['text', 'html', 'xhtml', undefined].includes(content['@type'] as string | undefined)) {
        problems.push(`${where}: inline <content> of type "${String(content['@type'])}"`);
      }
    }
  });
  return problems;
}

/** The feed's elements, for comparing with the pages. Throws on a document that is not well-formed. */
export function parseAtom(xml: string): ParsedFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const feed = nodes(parser.parse(xml) as Node, 'feed')[0]!;
  const authors = (element: Node) => nodes(element, 'author').map((author) => textOf(nodes(author, 'name')[0]));
  return {
    id: textOf(nodes(feed, 'id')[0]),
    title: textOf(nodes(feed, 'title')[0]),
    subtitle: nodes(feed, 'subtitle')[0] ? textOf(nodes(feed, 'subtitle')[0]) : undefined,
    updated: textOf(nodes(feed, 'updated')[0]),
    links: links(feed),
    authors: authors(feed),
    rights: nodes(feed, 'rights')[0] ? textOf(nodes(feed, 'rights')[0]) : undefined,
    entries: nodes(feed, 'entry').map((entry) => {
      const content = nodes(entry, 'content')[0];
      return {
        id: textOf(nodes(entry, 'id')[0]),
        title: textOf(nodes(entry, 'title')[0]),
        updated: textOf(nodes(entry, 'updated')[0]),
        links: links(entry),
        content: content && { type: content['@type'] === undefined ? undefined : String(content['@type']), text: textOf(content) },
        authors: authors(entry),
      };
    }),
  };
}
