/**
 * "Add to briefing" beside every paragraph: on report pages (each numbered paragraph of the
 * letter), beside quoted paragraphs (theme pages, weakness journeys: src/components/ParagraphQuote.astro
 * marks them with data-briefing-report and data-briefing-anchor) and on search results
 * (src/browser/search-render.ts calls `briefingButton`). Each says what pressing it will do,
 * "Add to briefing" or "Remove from briefing"; it has no aria-pressed as well, since a toggle whose
 * name changes with its state would be read "Remove from briefing, pressed" (WAI-ARIA Authoring
 * Practices, button pattern). What it did is announced through one polite status region. Created by script only: without JavaScript
 * there is no basket, and no button that cannot work.
 */
import { briefingId, paragraphCount, toggle } from '../lib/briefing/paragraph-id.ts';
import { announce as announceIn } from './announce.ts';
import { paragraphLabel, parseParagraphId } from '../lib/record/paragraph-numbering.ts';
import { BRIEFING_EVENT, BRIEFING_KEY, readBriefing, writeBriefing } from './briefing-store.ts';
import { buttonWithHiddenWords } from './dom.ts';

let status: HTMLElement | undefined;

function announce(message: string): void {
  if (status) announceIn(status, message);
}

function statusRegion(): void {
  if (status) return;
  status = document.createElement('p');
  status.className = 'visually-hidden';
  // A polite live region, but not role="status": a report page already has the citations' status
  // region (src/browser/cite.ts), and the page keeps a single one.
  status.setAttribute('aria-live', 'polite');
  status.dataset.briefingAnnouncer = '';
  (document.querySelector('main') ?? document.body).append(status);
}

function show(control: HTMLButtonElement, inBriefing: boolean): void {
  control.firstChild!.textContent = inBriefing ? 'Remove from briefing' : 'Add to briefing';
  // For the style only (bold when collected): the name already says the state.
  control.classList.toggle('briefing-button-added', inBriefing);
}

/** A toggle that adds the paragraph `id` (`<slug>:<anchor>`) to the briefing or takes it out. */
export function briefingButton(id: string, label: string): HTMLButtonElement {
  statusRegion();
  listen();
  // Chrome puts a space between the visible words and the hidden span in the accessible name:
  // "Add to briefing (paragraph 12)". `show` writes the visible words.
  const control = buttonWithHiddenWords('', ` (${label})`, 'cite-button briefing-button');
  control.dataset.briefingId = id;
  show(control, readBriefing().includes(id));
  control.addEventListener('click', () => {
    const list = readBriefing();
    const next = toggle(list, id);
    const adding = next.length > list.length;
    if (!writeBriefing(next)) {
      announce('Could not change the briefing: this browser does not let the site store it.');
      return;
    }
    const name = label.charAt(0).toUpperCase() + label.slice(1);
    announce(`${name} ${adding ? 'added to' : 'removed from'} your briefing (${paragraphCount(next.length)}).`);
  });
  return control;
}

/** Keeps every button's state in step with the basket (changed here, on the briefing page or in another tab). */
function refresh(): void {
  const list = new Set(readBriefing());
  for (const control of document.querySelectorAll<HTMLButtonElement>('button[data-briefing-id]')) {
    show(control, list.has(control.dataset.briefingId!));
  }
}

let listening = false;

/** Keeps the buttons in step with the briefing: once a page, whoever made the buttons. */
function listen(): void {
  if (listening) return;
  listening = true;
  window.addEventListener(BRIEFING_EVENT, refresh);
  window.addEventListener('storage', (event) => {
    if (event.key === BRIEFING_KEY || event.key === null) refresh();
  });
}

/** Beside each numbered paragraph of a report, with its "Copy link" and "Copy citation" when present. */
function enhanceLetter(letter: HTMLElement): void {
  const slug = letter.dataset.report;
  if (!slug) return;
  for (const paragraph of letter.querySelectorAll<HTMLElement>('p[id], li[id]')) {
    const ref = parseParagraphId(paragraph.id);
    if (!ref) continue;
    let tools = paragraph.querySelector<HTMLElement>(':scope > .cite-tools');
    if (!tools) {
      tools = document.createElement('span');
      tools.className = 'cite-tools';
      paragraph.append(tools);
    }
    tools.dataset.pagefindIgnore = '';
    tools.append(' ', briefingButton(briefingId(slug, paragraph.id), paragraphLabel(ref)));
  }
}

/** In the caption of each quoted paragraph. */
function enhanceQuotes(root: ParentNode): void {
  for (const quote of root.querySelectorAll<HTMLElement>('[data-briefing-report][data-briefing-anchor]')) {
    const { briefingReport, briefingAnchor, briefingLabel } = quote.dataset;
    const place = quote.querySelector('figcaption') ?? quote;
    place.append(' ', briefingButton(briefingId(briefingReport!, briefingAnchor!), briefingLabel ?? briefingAnchor!));
  }
}

/**
 * Adds the buttons to the report `letter` in `root` (beside "Copy link" and "Copy citation": call
 * it after `startCitations`) and to every quoted paragraph in `root`.
 */
export function startBriefingButtons(root: ParentNode): void {
  const letter = root.querySelector<HTMLElement>('article.letter');
  if (letter) enhanceLetter(letter);
  enhanceQuotes(root);
}
