/**
 * "Copy link" and "Copy citation" beside every paragraph of a report. An enhancement: without
 * JavaScript, each paragraph's number is still a plain permanent link. A button that copied says
 * so for a few seconds ("Link copied"), and one polite status region announces it; if the browser
 * refuses, a box beside the buttons holds the text, selected, to copy by hand (src/browser/clipboard.ts).
 *
 * "Copy link" copies the paragraph's preview page, /r/<slug>/<anchor>/, which chat and email
 * previews can show (they never see a #p12 fragment) and which sends a reader on to the
 * paragraph. "Copy citation" gives the permanent #p12 address and the text fingerprint, both
 * written into the page by src/pages/reports/[slug].astro (data-preview, data-fingerprints). Both
 * addresses are the site's public one, from the page's canonical link.
 */
import { citation } from '../lib/publish/citation.ts';
import { paragraphLabel, parseParagraphId } from '../lib/record/paragraph-numbering.ts';
import { announce } from './announce.ts';
import { copyText, showCopied, showCopyByHand } from './clipboard.ts';
import { buttonWithHiddenWords } from './dom.ts';

/**
 * The page's public address: its canonical link, made from the site's configured address (SITE_URL,
 * src/lib/site/address.ts), so that a citation copied here is the one the briefing's exports give,
 * wherever this copy of the page is being read. Never the ?highlight= a search added.
 */
const page = document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href ?? location.href.split(/[?#]/)[0]!;

function permanentUrl(id: string): string {
  return `${page}#${id}`;
}

/** The paragraph's preview page, absolute: data-preview is its report's folder of them, r/<slug>/. */
function previewUrl(previews: string, id: string): string {
  return new URL(`${previews}${id}/`, page).href;
}

/** "p1:3fa2b9c1 p2:…" -> anchor -> fingerprint. */
function parseFingerprints(list = ''): Map<string, string> {
  return new Map(list.split(' ').filter(Boolean).map((pair) => pair.split(':') as [string, string]));
}

/** Adds "Copy link" and "Copy citation" to each numbered paragraph of the report `letter`. */
export function startCitations(letter: HTMLElement): void {
  const prefix = letter.dataset.citation;
  // A statistical neighbour's report has no preview pages: "Copy link" then copies the paragraph's own address.
  const previews = letter.dataset.preview;
  if (!prefix) return;
  const fingerprints = parseFingerprints(letter.dataset.fingerprints);
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  letter.after(status);
  // `what`: "link to paragraph 12"; the button then says `done`, and the status region "Link to paragraph 12 copied.".
  const copy = async (control: HTMLButtonElement, text: string, done: string, what: string): Promise<void> => {
    if (await copyText(text)) {
      showCopied(control, done);
      announce(status, `${what.charAt(0).toUpperCase()}${what.slice(1)} copied.`);
    } else showCopyByHand(control, control.parentElement!, text, `the ${what}`);
  };

  for (const paragraph of letter.querySelectorAll<HTMLElement>('p[id], li[id]')) {
    const ref = parseParagraphId(paragraph.id);
    if (!ref) continue;
    // "paragraph 12", "paragraph 6, point 2", "summary, paragraph 3".
    const label = paragraphLabel(ref);
    const tools = document.createElement('span');
    tools.className = 'cite-tools';
    tools.dataset.pagefindIgnore = '';
    const copyLink = buttonWithHiddenWords('Copy link', ` to ${label}`, 'cite-button');
    const copyCitation = buttonWithHiddenWords('Copy citation', ` for ${label}`, 'cite-button');
    copyLink.addEventListener('click', () => void copy(copyLink, previews ? previewUrl(previews, paragraph.id) : permanentUrl(paragraph.id), 'Link copied', `link to ${label}`));
    copyCitation.addEventListener('click', () => {
      const text = citation(prefix, ref, permanentUrl(paragraph.id), fingerprints.get(paragraph.id));
      void copy(copyCitation, text, 'Citation copied', `citation for ${label}`);
    });
    tools.append(copyLink, copyCitation);
    paragraph.append(tools);
  }
}
