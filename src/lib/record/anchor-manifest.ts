/**
 * The published paragraph anchors of a report page, and the check that keeps them permanent.
 *
 * A link such as /reports/2025-06-monitoring-visit-7/#p12 may sit in a briefing for years, so
 * the words at #p12 must never change. content/anchors.json records, for every report, every
 * anchor with a hash of its text; the test suite compares the built site against it.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { hashText } from './fingerprint.ts';
import { isParagraphId } from './paragraph-numbering.ts';

export interface Anchor {
  id: string;
  /** The paragraph's words, without its permalink control, whitespace collapsed. */
  text: string;
}

/**
 * page -> anchor id -> hash of the anchor's text. A page is a Herefordshire report's slug
 * (`2025-06-monitoring-visit-7`, at /reports/<slug>/) or a statistical neighbour's report as
 * `neighbours/<council>/<slug>` (at /neighbours/<council>/<slug>/).
 */
export type AnchorManifest = Record<string, Record<string, string>>;

/** Is the manifest key a statistical neighbour's report (no preview pages, no paragraph files, no briefing)? */
export function isNeighbourPage(key: string): boolean {
  return key.startsWith('neighbours/');
}

/** The page a manifest key stands for, from the site's root: `/reports/<slug>/` or `/neighbours/<council>/<slug>/`. */
export function manifestPagePath(key: string): string {
  return key.includes('/') ? `/${key}/` : `/reports/${key}/`;
}

/**
 * The published words of an element: everything except what the site adds around them
 * (permalink controls, annotations), which is all marked data-pagefind-ignore so that search
 * excerpts hold the letter's words only, and, for a list item, a list nested in it.
 */
export function paragraphText(element: Element): string {
  const copy = structuredClone(element);
  // A list nested in a list item holds its own anchored items: not the parent item's words. Only
  // an item's own nested lists: the words of a whole letter or section keep every list in it.
  const isItem = element.tagName === 'li';
  removeDescendants(copy, (node) => node.properties.dataPagefindIgnore !== undefined || (isItem && (node.tagName === 'ul' || node.tagName === 'ol')));
  return toText(copy).replace(/\s+/g, ' ').trim();
}

function removeDescendants(node: Element | Root, remove: (node: Element) => boolean): void {
  node.children = node.children.filter((child) => child.type !== 'element' || !remove(child));
  for (const child of node.children) {
    if (child.type === 'element') removeDescendants(child, remove);
  }
}

/** Every paragraph anchor (p12, p6-2, s3: src/lib/record/paragraph-numbering.ts) in a built report page, in document order. */
export function anchorsInPage(html: string): Anchor[] {
  const tree = fromHtml(html);
  const letter = select('article', tree);
  if (!letter) return [];
  return selectAll('[id]', letter)
    .filter((element) => isParagraphId(String(element.properties.id)))
    .map((element) => ({ id: String(element.properties.id), text: paragraphText(element) }));
}

export function manifestEntry(anchors: readonly Anchor[]): Record<string, string> {
  return Object.fromEntries(anchors.map((anchor) => [anchor.id, hashText(anchor.text)]));
}

/**
 * What breaks a published link: an anchor in the manifest that is gone or whose words changed,
 * and a report in the manifest that is gone. New anchors are reported too, so that every
 * published anchor is recorded before it ships.
 */
export function anchorProblems(manifest: AnchorManifest, built: Record<string, readonly Anchor[]>): string[] {
  const problems: string[] = [];
  const fix = 'If the change is an intentional correction, run `npm run anchors` and commit content/anchors.json with the reason in the commit message.';
  for (const [slug, recorded] of Object.entries(manifest)) {
    const anchors = built[slug];
    if (!anchors) {
      problems.push(`${manifestPagePath(slug)} is in content/anchors.json but was not built: a published report must never disappear.`);
      continue;
    }
    const current = manifestEntry(anchors);
    for (const [id, hash] of Object.entries(recorded)) {
      if (current[id] === undefined) problems.push(`${manifestPagePath(slug)}#${id} has disappeared. ${fix}`);
      else if (current[id] !== hash) problems.push(`${manifestPagePath(slug)}#${id} no longer has the words it was published with. ${fix}`);
    }
  }
  for (const [slug, anchors] of Object.entries(built)) {
    const recorded = manifest[slug] ?? {};
    const unrecorded = anchors.filter((anchor) => recorded[anchor.id] === undefined).map((anchor) => anchor.id);
    if (unrecorded.length > 0) {
      problems.push(
        `${manifestPagePath(slug)} has anchors not yet in content/anchors.json (${unrecorded.join(', ')}). Fix: run \`npm run anchors\` and commit content/anchors.json.`,
      );
    }
  }
  return problems;
}
