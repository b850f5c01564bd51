/**
 * The briefing page (src/pages/briefing/index.astro): shows the collected paragraphs, reorders and
 * removes them, and exports them (src/lib/briefing/basket.ts renders every format). It fetches only the
 * files of the reports the briefing quotes (/data/paragraphs/<slug>.json).
 *
 * A briefing link (`?p=<slug>:<anchor>,...`) shows exactly that selection as a shared briefing:
 * read-only (its exports, no Move or Remove), headed as shared, beside a word on the reader's own
 * briefing, which it never changes until the reader chooses "Add these to my briefing" or "Replace
 * my briefing". The address keeps the link, so reloading shows the shared briefing again.
 */
import {
  addShared,
  BRIEFING_PARAM,
  briefingFileName,
  briefingHtml,
  briefingMarkdown,
  briefingQuery,
  briefingText,
  move,
  parseList,
  resolve,
  summaryLabel,
  type ExportContext,
  type Rejected,
  type ReportParagraphsFile,
  type ResolvedParagraph,
} from '../lib/briefing/basket.ts';
import { SITE_NAME } from '../lib/site/council.ts';
import { OGL_URL } from '../lib/site/urls.ts';
import { readBriefing, writeBriefing } from './briefing-store.ts';
import { announce as announceIn } from './announce.ts';
import { copyText, showCopied, showCopyByHand, tryCopy } from './clipboard.ts';
import { buttonWithHiddenWords, element, required } from './dom.ts';
import { paragraphCount } from '../lib/briefing/paragraph-id.ts';

const WHAT = 'briefing page';

// The page's elements, found once by startBriefingPage.
let root!: HTMLElement;
let ui: HTMLElement;
let status: HTMLElement;
let loading: HTMLElement;
let empty: HTMLElement;
let full: HTMLElement;
let list: HTMLOListElement;
let confirmation: HTMLElement;
let done: HTMLElement;

const fromLink = new URLSearchParams(window.location.search).get(BRIEFING_PARAM);
/** A briefing opened from a link: shown as itself, read-only; the reader's own is left as it is. */
const shared = fromLink !== null;

let context: ExportContext;

let paragraphs: ResolvedParagraph[] = [];

/**
 * The counts the page's words need: `shared` (the paragraphs shown), `own` (the reader's, as stored
 * now), `rejected` and, after a choice on a shared briefing, `added`, `already`, `unchanged`, `had`.
 */
const counts: Record<string, number> = {};

/**
 * Puts the counts into the words the page holds (src/pages/briefing/index.astro), not in this script:
 * each `data-n` span says its count ("2 paragraphs"); a `data-if` element shows while its count is not nought.
 */
function fill(): void {
  counts.own = readBriefing().length;
  for (const node of root.querySelectorAll<HTMLElement>('[data-n]')) node.textContent = paragraphCount(counts[node.dataset.n!]!);
  for (const node of root.querySelectorAll<HTMLElement>('[data-if]')) node.hidden = !counts[node.dataset.if!];
}

function announce(message: string): void {
  announceIn(status, message);
}

function button(label: string, hidden: string): HTMLButtonElement {
  return buttonWithHiddenWords(label, hidden, 'secondary');
}

/** "Monitoring visit 7 (June 2025), paragraph 12". */
function nameOf(paragraph: ResolvedParagraph): string {
  return `${paragraph.title}, ${paragraph.label}`;
}

/** Stores the list (by default the one shown); false, and says so, when the browser refuses. */
function save(ids = paragraphs.map((paragraph) => paragraph.id)): boolean {
  const stored = writeBriefing(ids);
  if (!stored) announce('This browser does not let the site store the briefing: it will be lost when you leave the page.');
  return stored;
}

function itemOf(paragraph: ResolvedParagraph): HTMLLIElement {
  const link = element('a', {}, nameOf(paragraph));
  link.href = paragraph.url;
  const title = element('h3', { className: 'briefing-item-title' }, link);
  title.tabIndex = -1;
  const item = element('li', { className: 'briefing-item' }, title);
  item.dataset.id = paragraph.id;
  if (paragraph.text === 'summary') item.append(element('p', { className: 'briefing-summary-label' }, summaryLabel(SITE_NAME)));
  item.append(
    element('blockquote', {}, element('p', {}, paragraph.words)),
    element('p', { className: 'briefing-citation' }, paragraph.citation),
  );
  // A shared briefing is read-only: Move and Remove are for the reader's own.
  if (shared) return item;
  // "Move up (Monitoring visit 7, June 2025, paragraph 12)": which paragraph, for screen readers.
  const name = ` (${nameOf(paragraph)})`;
  const up = button('Move up', name);
  const down = button('Move down', name);
  const remove = button('Remove', name);
  up.dataset.move = '-1';
  down.dataset.move = '1';
  up.addEventListener('click', () => moveItem(paragraph.id, -1));
  down.addEventListener('click', () => moveItem(paragraph.id, 1));
  remove.addEventListener('click', () => removeItem(paragraph.id));
  item.append(element('p', { className: 'briefing-item-actions' }, up, ' ', down, ' ', remove));
  return item;
}

/** Only the first item cannot go up and only the last cannot go down. */
function updateMoveButtons(): void {
  const items = [...list.children] as HTMLElement[];
  items.forEach((item, index) => {
    required<HTMLButtonElement>(item, '[data-move="-1"]', WHAT).disabled = index === 0;
    required<HTMLButtonElement>(item, '[data-move="1"]', WHAT).disabled = index === items.length - 1;
  });
}

function render(): void {
  loading.hidden = true;
  empty.hidden = paragraphs.length > 0;
  full.hidden = paragraphs.length === 0;
  list.replaceChildren(...paragraphs.map(itemOf));
  if (!shared) updateMoveButtons();
}

function itemElement(id: string): HTMLElement | undefined {
  return ([...list.children] as HTMLElement[]).find((item) => item.dataset.id === id);
}

function moveItem(id: string, by: -1 | 1): void {
  const index = paragraphs.findIndex((paragraph) => paragraph.id === id);
  const moved = move(paragraphs, index, by);
  if (moved[index] === paragraphs[index]) return;
  paragraphs = moved;
  save();
  // Moves the element itself, so that focus stays on the control the reader pressed.
  const item = itemElement(id)!;
  if (by === -1) list.insertBefore(item, item.previousElementSibling);
  else list.insertBefore(item, item.nextElementSibling?.nextElementSibling ?? null);
  updateMoveButtons();
  const pressed = required<HTMLButtonElement>(item, `[data-move="${by}"]`, WHAT);
  // At the top or bottom the pressed button is now disabled: focus goes to the other one.
  (pressed.disabled ? required<HTMLButtonElement>(item, `[data-move="${-by}"]`, WHAT) : pressed).focus();
  const position = index + by + 1;
  announce(`${nameOf(paragraphs[index + by]!)} moved to position ${position} of ${paragraphs.length}.`);
}

function removeItem(id: string): void {
  const index = paragraphs.findIndex((paragraph) => paragraph.id === id);
  const [removed] = paragraphs.splice(index, 1);
  save();
  itemElement(id)?.remove();
  updateMoveButtons();
  if (paragraphs.length === 0) {
    render();
    empty.tabIndex = -1;
    empty.focus();
  } else {
    const next = (list.children[index] ?? list.children[index - 1]) as HTMLElement;
    required(next, '.briefing-item-title', WHAT).focus();
  }
  announce(`${removed ? nameOf(removed) : 'The paragraph'} removed. ${paragraphCount(paragraphs.length)} left.`);
}

/** Lists the entries that name no published paragraph (the page's notice says how many, from `counts.rejected`). */
function showRejected(rejected: readonly Rejected[]): void {
  counts.rejected = rejected.length;
  const items = rejected.map((entry) => element('li', {}, element('code', {}, entry.entry), `: ${entry.reason}.`));
  required(root, '[data-briefing-notices] ul', WHAT).append(...items);
}

/** Writes text/html with its plain-text alternative, for Word and email. */
function copyRich(html: string, text: string): Promise<boolean> {
  return tryCopy(() =>
    navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      }),
    ]),
  );
}

/** At the site's public address (data-site-url, from SITE_URL), as the citations are, wherever this page was opened. */
function briefingLink(): string {
  return `${new URL(context.siteUrl).origin}${root.dataset.page}${briefingQuery(paragraphs.map((paragraph) => paragraph.id))}`;
}

function markdownHeading(): string {
  const day = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  return `Briefing: Ofsted’s findings on Herefordshire children’s services, ${day}`;
}

function download(): void {
  const blob = new Blob([briefingMarkdown(paragraphs, context, markdownHeading())], { type: 'text/markdown;charset=utf-8' });
  const address = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: address, download: briefingFileName(new Date()) });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(address), 1000);
  announce(`Downloading ${link.download}.`);
}

async function act(action: string, control: HTMLButtonElement): Promise<void> {
  const what = paragraphCount(paragraphs.length);
  if (action.startsWith('copy-')) {
    // A copy button says it copied and the status region announces what; if the browser refused,
    // a box under the buttons holds the text to copy by hand (src/browser/clipboard.ts).
    const link = action === 'copy-link';
    const text = link ? briefingLink() : briefingText(paragraphs, context);
    const ok = await (action === 'copy-html' ? copyRich(briefingHtml(paragraphs, context), text) : copyText(text));
    if (!ok) return showCopyByHand(control, control.closest('ul')!, text, link ? 'the link to this briefing' : 'the briefing');
    showCopied(control, link ? 'Link copied' : 'Copied');
    announce(
      link
        ? `Link to this briefing of ${what} copied.`
        : `Briefing of ${what} copied${action === 'copy-html' ? ', ready to paste into Word or an email' : ' as plain text'}.`,
    );
  } else if (action === 'download') download();
  else if (action === 'print') window.print();
  else if (action === 'clear') {
    if (!window.confirm(`Remove all ${what} from your briefing?`)) return;
    paragraphs = [];
    save();
    render();
    empty.tabIndex = -1;
    empty.focus();
    announce('Briefing cleared.');
  }
}

/**
 * The reader's choices on a shared briefing; each ends in a status message, and focus moves to what
 * changed. "Replace my briefing" destroys the reader's own collection, so it asks first, in the
 * page, as GOV.UK does for a destructive action: a question (focused) that says what will be lost,
 * a red "Yes, replace my briefing" and "Cancel" (focus back on the button). Chosen over an undo:
 * one that persists needs a second stored copy and some later page to offer it back, easy to miss
 * once the reader has left (the way the old "Bring back the briefing you had" lost collections);
 * and over window.confirm, which a browser lets people switch off, cannot be styled or zoomed
 * with the page, and is not the pattern GOV.UK users know.
 */
function choose(choice: string): void {
  const own = readBriefing();
  const ids = paragraphs.map((paragraph) => paragraph.id);
  confirmation.hidden = choice !== 'ask';
  done.hidden = true;
  if (choice === 'ask') return required(confirmation, 'h3', WHAT).focus();
  if (choice === 'cancel') {
    required(root, '[data-choice="ask"]', WHAT).focus();
    return announce('Your briefing has not changed.');
  }
  const add = choice === 'add';
  const next = add ? addShared(own, ids) : ids;
  if (!save(next)) return;
  const added = add ? next.length - own.length : 0;
  // Only one message shows: "added" (what `already` qualifies), "unchanged" or "had" (after a replace).
  Object.assign(counts, { added, already: ids.length - added, unchanged: +(add && !added), had: add ? 0 : own.length });
  fill();
  done.hidden = false;
  done.focus();
  announce((done.firstElementChild as HTMLElement).innerText);
}

/** The report files the briefing needs, and only those; `undefined` for a report that does not exist. */
async function loadReports(slugs: readonly string[]): Promise<Map<string, ReportParagraphsFile | undefined>> {
  const entries = await Promise.all(
    slugs.map(async (slug) => {
      const response = await fetch(`${root.dataset.paragraphs}${slug}.json`);
      if (response.status === 404) return [slug, undefined] as const;
      if (!response.ok) throw new Error(`${response.status} for ${slug}`);
      return [slug, (await response.json()) as ReportParagraphsFile] as const;
    }),
  );
  return new Map(entries);
}

async function show(): Promise<void> {
  required(root, '[data-briefing-fallback]', WHAT).remove();
  // The page's words for a shared briefing (`data-shared`) in place of those for the reader's own (`data-own`): src/styles/briefing.css.
  root.classList.toggle('shared', shared);
  ui.hidden = false;
  const stored = readBriefing();
  const parsed = parseList(shared ? fromLink : stored);
  let files: Map<string, ReportParagraphsFile | undefined>;
  try {
    files = await loadReports([...new Set(parsed.refs.map((ref) => ref.slug))]);
  } catch {
    loading.textContent = loading.dataset.failed!;
    return;
  }
  const resolved = resolve(parsed.refs, files);
  paragraphs = resolved.paragraphs;
  const heading = required(root, 'h1', WHAT);
  counts.shared = paragraphs.length;
  showRejected([...parsed.rejected, ...resolved.rejected]);
  fill();
  // As src/layouts/Base.astro writes a page's title.
  if (shared) document.title = `${heading.innerText} – ${SITE_NAME}`;
  else if (paragraphs.map((paragraph) => paragraph.id).join(',') !== stored.join(',')) save();
  render();
  announce(shared ? `${heading.innerText}.` : paragraphs.length === 0 ? 'Your briefing is empty.' : `Your briefing: ${paragraphCount(paragraphs.length)}.`);
}

/** Shows the briefing in `root`, the page's `[data-briefing]` element, and keeps it in step with other tabs. */
export function startBriefingPage(page: HTMLElement): void {
  root = page;
  ui = required(root, '[data-briefing-ui]', WHAT);
  status = required(root, '[data-briefing-status]', WHAT);
  loading = required(root, '[data-briefing-loading]', WHAT);
  empty = required(root, '[data-briefing-empty]', WHAT);
  full = required(root, '[data-briefing-full]', WHAT);
  list = required<HTMLOListElement>(root, '[data-briefing-list]', WHAT);
  confirmation = required(root, '[data-briefing-confirm]', WHAT);
  done = required(root, '[data-briefing-done]', WHAT);
  context = { siteName: SITE_NAME, siteUrl: root.dataset.siteUrl!, oglUrl: OGL_URL };
  for (const control of root.querySelectorAll<HTMLButtonElement>('[data-action]')) {
    control.addEventListener('click', () => void act(control.dataset.action!, control));
  }
  for (const control of root.querySelectorAll<HTMLButtonElement>('[data-choice]')) {
    control.addEventListener('click', () => choose(control.dataset.choice!));
  }
  void show();
  // The briefing changed in another tab: show the stored one (on a shared briefing, its count).
  window.addEventListener('storage', () => {
    if (shared) fill();
    else if (readBriefing().join(',') !== paragraphs.map((paragraph) => paragraph.id).join(',')) window.location.reload();
  });
}
