/**
 * Copying to the clipboard, for every copy button of the site ("Copy link" and "Copy citation"
 * beside a report's paragraphs, src/browser/cite.ts; the briefing page's copy buttons,
 * src/browser/briefing-page.ts), and what a button shows once pressed:
 *
 * - copied: the button's visible words say so ("Citation copied") for a few seconds, then go back;
 *   the caller also announces it through its polite live region (src/browser/announce.ts);
 * - refused (no Clipboard API, a page not served over HTTPS, a permission denied, or it throws):
 *   a box appears next to the button with the text in a read-only field, selected and focused,
 *   ready to copy by hand (Ctrl+C), and a Close button (or Escape) that puts focus back on the
 *   button. One box at a time. A sighted user sees it; a screen reader reads the field's label
 *   on focus.
 */

/** How long a button says "copied". */
const COPIED_MS = 4000;

/** Runs a clipboard write; false if the browser refused (no Clipboard API, or it threw). */
export async function tryCopy(write: () => Promise<void>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch {
    return false;
  }
}

/** Writes plain text; false if the browser refused. */
export function copyText(text: string): Promise<boolean> {
  return tryCopy(() => navigator.clipboard.writeText(text));
}

const timers = new WeakMap<HTMLButtonElement, number>();

/** The button's visible words (its first child: any visually hidden words follow) say `done` ("Link copied") for a few seconds. */
export function showCopied(control: HTMLButtonElement, done: string): void {
  document.querySelector('.copy-by-hand')?.remove();
  const words = control.firstChild as Text;
  control.dataset.words ??= words.data;
  words.data = done;
  control.classList.add('copied');
  window.clearTimeout(timers.get(control));
  timers.set(
    control,
    window.setTimeout(() => {
      words.data = control.dataset.words!;
      control.classList.remove('copied');
    }, COPIED_MS),
  );
}

/**
 * The box for copying by hand, after `place` (the button's group): `what` names the text ("the
 * citation for paragraph 12"). Focus goes to the field, its text selected.
 */
export function showCopyByHand(control: HTMLButtonElement, place: Element, text: string, what: string): void {
  document.querySelector('.copy-by-hand')?.remove();
  // Spans (shown as blocks), so that the box may sit inside a paragraph beside its buttons.
  const shown = document.createElement('span');
  shown.className = 'copy-by-hand';
  const label = document.createElement('label');
  const field = document.createElement('textarea');
  field.readOnly = true;
  field.value = text;
  label.append(`Your browser did not let this site copy. Copy ${what} from here (it is selected):`, field);
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'secondary';
  close.textContent = 'Close';
  const dismiss = (): void => {
    shown.remove();
    control.focus();
  };
  close.onclick = dismiss;
  shown.onkeydown = (event) => event.key === 'Escape' && dismiss();
  shown.append(label, close);
  place.after(shown);
  field.focus();
  field.select();
  // Selecting scrolls to the end: show the start.
  field.scrollTop = 0;
}
