/** The header's "Briefing (N)": how many paragraphs the reader has collected, on every page. */
import { BRIEFING_EVENT, BRIEFING_KEY, readBriefing } from './briefing-store.ts';

function show(): void {
  const count = readBriefing().length;
  for (const element of document.querySelectorAll('[data-briefing-count]')) element.textContent = ` (${count})`;
}

/** Shows the count now, and again whenever the briefing changes (here or in another tab). */
export function startBriefingCount(): void {
  show();
  window.addEventListener(BRIEFING_EVENT, show);
  window.addEventListener('storage', (event) => {
    if (event.key === BRIEFING_KEY || event.key === null) show();
  });
}
