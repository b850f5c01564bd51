/**
 * The briefing basket in the browser's own storage (localStorage), and nowhere else: no server, no
 * account, no cookie. One key per site address, so two copies of the record hosted under different
 * base paths on one host keep separate briefings. Kept tiny and import-free: the header's count
 * (src/browser/briefing-count.ts) loads it on every page.
 */

export const BRIEFING_KEY = `herefordshire-inspections:briefing:${import.meta.env.BASE_URL}`;

/** Sent on window whenever this page changes the basket; other tabs hear the `storage` event. */
export const BRIEFING_EVENT = 'briefing-change';

/** The stored entries (`<slug>:<anchor>`), in the reader's order; empty when none or unreadable. */
export function readBriefing(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(BRIEFING_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** Stores the entries; false when the browser refuses (storage switched off or full). */
export function writeBriefing(ids: readonly string[]): boolean {
  try {
    localStorage.setItem(BRIEFING_KEY, JSON.stringify(ids));
  } catch {
    return false;
  }
  window.dispatchEvent(new Event(BRIEFING_EVENT));
  return true;
}
