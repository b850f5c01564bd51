/**
 * Says something to screen reader users through a live region. The region is emptied first and
 * filled a moment later, so that the same message twice in a row is read twice.
 */
export function announce(region: HTMLElement, message: string): void {
  region.textContent = '';
  window.setTimeout(() => (region.textContent = message), 50);
}
