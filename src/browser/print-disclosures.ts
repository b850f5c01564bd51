/**
 * Disclosures ("What happened next", the chart's data, the timeline's events) print open. The
 * stylesheet shows a closed one's content in print where the browser supports ::details-content;
 * for the others, this opens every closed one before printing and closes the same ones after, so
 * the reader finds the page as they left it. Loaded only by pages that have disclosures: report
 * pages (src/pages/reports/[slug].astro) and those with the judgement chart (src/components/JudgementChart.astro).
 */
const opened: HTMLDetailsElement[] = [];

/**
 * Opens the page's disclosures for printing. A second call (two features on one page) is harmless:
 * its listeners find every disclosure already open, and nothing left to close.
 */
export function startPrintDisclosures(): void {
  addEventListener('beforeprint', () => {
    for (const details of document.querySelectorAll('details')) {
      if (!details.open) opened.push(details);
      details.open = true;
    }
  });
  addEventListener('afterprint', () => {
    for (const details of opened.splice(0)) details.open = false;
  });
}
