/**
 * Elements for the search page: a report result as src/lib/search-results.ts shapes it. Nothing
 * here decides what is shown; it only builds the elements.
 */
import type { ParagraphHit, ReportResult } from '../lib/search-results.ts';
import { resultHref } from '../lib/search-state.ts';
import { idFromParagraphUrl, paragraphOfUrl } from '../lib/briefing-id.ts';
import { briefingButton } from './briefing-buttons.ts';

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

function paragraphItem(hit: ParagraphHit, query: string, title: string): HTMLLIElement {
  const heading = element('p', { className: 'paragraph-heading' }, element('a', { href: resultHref(hit.url, query) }, hit.label));
  if (hit.themes.length > 0) heading.append(element('span', { className: 'paragraph-themes' }, ` · Themes: ${hit.themes.join(', ')}`));
  const id = idFromParagraphUrl(hit.url);
  if (id) heading.append(' ', briefingButton(id, `${hit.label.toLowerCase()} of ${title}`));
  const excerpt = element('p', { className: 'excerpt' });
  // Pagefind escapes the indexed text and adds only <mark> around matched words.
  if (hit.excerptHtml !== undefined) excerpt.innerHTML = hit.excerptHtml;
  else excerpt.textContent = hit.excerptText ?? '';
  const item = element('li', { className: 'paragraph-result' }, heading, excerpt);
  // The paragraph as `<slug>#<anchor>`, in rank order in the document: what npm run search-quality
  // (scripts/search-quality.ts) reads to score the ranking. Keep it when the page changes.
  const paragraph = paragraphOfUrl(hit.url);
  if (paragraph) item.dataset.result = `${paragraph.slug}#${paragraph.anchor}`;
  return item;
}

function paragraphList(hits: readonly ParagraphHit[], query: string, title: string): HTMLUListElement {
  return element('ul', { className: 'paragraph-results' }, ...hits.map((hit) => paragraphItem(hit, query, title)));
}

/** One report of the result list, its matching paragraphs beneath it. */
export function reportItem(result: ReportResult, query: string): HTMLLIElement {
  const link = element('a', { href: resultHref(result.url, query) }, result.title);
  const meta = element('p', { className: 'meta' }, `${result.kind} · inspectors on site ${result.dates}`);
  if (result.summary) meta.append(element('strong', { className: 'summary-label' }, ' · Our summary, not Ofsted’s words'));
  const item = element('li', { className: 'search-result' }, element('h2', {}, link), meta);

  if (result.shown.length === 0 && result.folded.length === 0) {
    const excerpt = element('p', { className: 'excerpt' });
    excerpt.innerHTML = result.excerptHtml;
    item.append(excerpt);
    return item;
  }
  if (result.shown.length > 0) item.append(paragraphList(result.shown, query, result.title));
  if (result.noParagraphOnTheme) item.append(element('p', { className: 'no-paragraph' }, result.noParagraphOnTheme));
  if (result.foldLabel) {
    item.append(element('details', { className: 'more-paragraphs' }, element('summary', {}, result.foldLabel), paragraphList(result.folded, query, result.title)));
  }
  return item;
}
