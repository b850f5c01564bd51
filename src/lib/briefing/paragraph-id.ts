/**
 * How a briefing names a paragraph: `<report slug>:<anchor>`, e.g. `2025-06-monitoring-visit-7:p12`.
 * The same spelling in the browser's storage and in a briefing link (`/briefing/?p=a:p1,b:s3`).
 * Kept apart from src/lib/briefing/basket.ts on purpose: the buttons on every report, theme and search
 * page need only this, and a browser bundle takes a whole module.
 */

import { isParagraphId } from '../record/paragraph-numbering.ts';

export const ID_SEPARATOR = ':';

export function briefingId(slug: string, anchor: string): string {
  return `${slug}${ID_SEPARATOR}${anchor}`;
}

/**
 * The briefing id of a paragraph's address (`/inspections/reports/<slug>/?highlight=x#p12`, as
 * search results give it); undefined for an address that is not a paragraph of a report.
 */
export function idFromParagraphUrl(address: string): string | undefined {
  const match = /(?:^|\/)reports\/([a-z0-9][a-z0-9-]*)\/(?:\?[^#]*)?#([a-z0-9-]+)$/.exec(address);
  // A search hit on a heading (#next-steps) is not a paragraph: it gets no button.
  return match && isParagraphId(match[2]!) ? briefingId(match[1]!, match[2]!) : undefined;
}

/** The list with `id` added at the end, or taken out if it is there: what an "Add to briefing" button does. */
export function toggle(list: readonly string[], id: string): string[] {
  return list.includes(id) ? list.filter((item) => item !== id) : [...list, id];
}

/** "1 paragraph", "3 paragraphs": how the buttons and the briefing page count a briefing. */
export function paragraphCount(count: number): string {
  return `${count} ${count === 1 ? 'paragraph' : 'paragraphs'}`;
}
