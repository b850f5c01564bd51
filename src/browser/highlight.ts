/**
 * On a report page reached from a search result (`?highlight=life%20story#p12`), marks the words
 * searched for in the letter, so the reader sees why the paragraph matched. Only the letter's
 * own words are marked, never the controls and annotations the site adds.
 */
import { highlightPattern } from '../lib/search/highlight-pattern.ts';

export function highlightSearchTerms(container: Element, query: string): number {
  const pattern = highlightPattern(query);
  if (!pattern) return 0;
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('[data-pagefind-ignore], mark') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const textNodes: Text[] = [];
  while (walker.nextNode()) textNodes.push(walker.currentNode as Text);

  let marked = 0;
  for (const node of textNodes) {
    const text = node.data;
    const matches = [...text.matchAll(pattern)];
    if (matches.length === 0) continue;
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const match of matches) {
      const start = match.index ?? 0;
      fragment.append(text.slice(last, start));
      const mark = document.createElement('mark');
      mark.className = 'search-term';
      mark.textContent = match[0];
      fragment.append(mark);
      last = start + match[0].length;
      marked += 1;
    }
    fragment.append(text.slice(last));
    node.replaceWith(fragment);
  }
  return marked;
}

/** Marks the words of the address's `highlight` in the report `letter`, if the address has one. */
export function startHighlight(letter: HTMLElement): void {
  const query = new URLSearchParams(window.location.search).get('highlight');
  if (query) highlightSearchTerms(letter, query);
}
