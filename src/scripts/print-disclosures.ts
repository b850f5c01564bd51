/**
 * Disclosures ("What happened next", the chart's data, the timeline's events) print open. The
 * stylesheet shows a closed one's content in print where the browser supports ::details-content;
 * for the others, this opens every closed one before printing and closes the same ones after, so
 * the reader finds the page as they left it. Loaded only by pages that have disclosures: report
 * pages (src/pages/reports/[slug].astro) and those with the judgement chart (src/components/JudgementChart.astro).
 */
const opened: HTMLDetailsElement[] = [];
let started = false;

/** Opens the page's disclosures for printing. A page with two features that need it may call it twice. */
export function startPrintDisclosures(): void {
  if (started) return;
  started = true;
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
