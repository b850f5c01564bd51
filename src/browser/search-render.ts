/**
 * Elements for the search page: a paragraph result as src/lib/search/results.ts shapes it. Nothing
 * here decides what is shown; it only builds the elements.
 */
import type { ParagraphResult } from '../lib/search/results.ts';
import { resultHref } from '../lib/search/state.ts';
import { idFromParagraphUrl } from '../lib/briefing/paragraph-id.ts';
import { briefingButton } from './briefing-buttons.ts';
import { element } from './dom.ts';

/**
 * One paragraph of the result list: where it is from (the link), what kind of report and when,
 * the matching words, its themes and "Add to briefing". `data-result` (`<slug>#<anchor>`) marks
 * each result in rank order, for scripts that read the list (npm run search-quality).
 * A statistical neighbour's paragraph says whose report it is (and, searched with them, Herefordshire's), labels its themes as suggested,
 * and has no "Add to briefing" (a briefing holds Herefordshire's paragraphs only).
 */
export function paragraphItem(result: ParagraphResult, highlight: string, withNeighbours = false): HTMLLIElement {
  const link = element('a', { href: resultHref(result.url, highlight) }, `${result.reportTitle}: ${result.label.charAt(0).toLowerCase()}${result.label.slice(1)}`);
  const meta = element('p', { className: 'meta' });
  if (result.council) meta.append(element('strong', { className: 'council-label' }, `${result.council}’s report`), ' (a statistical neighbour) · ');
  // Among the neighbours' results, Herefordshire's say whose they are too.
  else if (withNeighbours) meta.append(element('strong', { className: 'council-label' }, 'Herefordshire’s report'), ' · ');
  meta.append(`${result.kind} · inspectors on site ${result.dates}`);
  if (result.summary) meta.append(element('strong', { className: 'summary-label' }, ' · Our summary, not Ofsted’s words'));
  const excerpt = element('p', { className: 'excerpt' });
  // Pagefind escapes the indexed text and adds only <mark> around matched words.
  excerpt.innerHTML = result.excerptHtml;
  const item = element('li', { className: 'search-result' }, element('h2', {}, link), meta, excerpt);
  item.dataset.result = result.key;
  if (result.council) item.dataset.council = result.council;
  const tools = element('p', { className: 'paragraph-themes' });
  if (result.themes.length > 0) tools.append(`${result.council ? 'Themes suggested by keyword, not reviewed' : 'Themes'}: ${result.themes.join(', ')}`);
  const id = idFromParagraphUrl(result.url);
  if (id) tools.append(' ', briefingButton(id, `${result.label.toLowerCase()} of ${result.reportTitle}`));
  if (tools.childNodes.length > 0) item.append(tools);
  return item;
}

/** A link to another search, for the suggestions under a search that found nothing. */
export function searchLink(text: string, href: string): HTMLLIElement {
  return element('li', {}, element('a', { href }, text));
}
