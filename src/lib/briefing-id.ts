/**
 * How a briefing names a paragraph: `<report slug>:<anchor>`, e.g. `2025-06-monitoring-visit-7:p12`.
 * The same spelling in the browser's storage and in a briefing link (`/briefing/?p=a:p1,b:s3`).
 * Kept apart from src/lib/briefing.ts on purpose: the buttons on every report, theme and search
 * page need only this, and a browser bundle takes a whole module.
 */

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
  return match ? briefingId(match[1]!, match[2]!) : undefined;
}
