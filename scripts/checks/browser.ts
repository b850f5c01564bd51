/**
 * Checks that need a real browser, run page by page: axe-core at WCAG 2.2 A and AA (at desktop and
 * phone widths), requests to
 * any host other than the site's own (stopped before they leave the machine, and reported), cookies,
 * Content-Security-Policy violations, and the bytes of script each page loads.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface BrowserFacts {
  page: string;
  axe: string[];
  thirdParty: string[];
  cookies: string[];
  cspViolations: string[];
  scriptBytes: number;
}

/** The widths axe checks a page at: a desktop, and a phone (where the layout, and so contrast, target sizes and overlaps, differ). */
export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function axeLine(violation: AxeViolation, where: string): string {
  return `${violation.id} (${violation.impact ?? 'unknown'})${where}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`;
}

export async function checkInBrowser(browser: Browser, siteOrigin: string, pagePath: string, options: { phone?: boolean } = {}): Promise<BrowserFacts> {
  const context = await browser.newContext({ viewport: DESKTOP });
  const thirdParty: string[] = [];
  let navigations = 0;
  // Every request to another host is refused here, before it reaches the network, and recorded.
  await context.route('**/*', async (route) => {
    const requested = new URL(route.request().url());
    // A page that sends the reader on (a paragraph's preview page, src/lib/publish/link-previews.ts, with
    // its zero-delay refresh) is checked as it is, not where it leads: a navigation after the
    // first is answered 204 No Content, which leaves the browser on the page. (A top frame has no
    // parent: the route is set before the page exists.)
    if (route.request().isNavigationRequest() && route.request().frame().parentFrame() === null && navigations++ > 0) await route.fulfill({ status: 204 });
    else if (requested.origin === siteOrigin || requested.protocol === 'data:' || requested.protocol === 'blob:') await route.continue();
    else {
      thirdParty.push(requested.href);
      await route.abort();
    }
  });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const page = await context.newPage();
  // Each script's size is read as its response arrives, and every read is awaited before the page
  // closes: summing in the handler alone missed the reads still pending at close.
  const scriptSizes: Array<Promise<number>> = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scriptSizes.push(response.body().then((body) => body.length, () => 0));
  });
  await page.goto(`${siteOrigin}${pagePath}`, { waitUntil: 'networkidle' });
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const axe = violations.map((violation) => axeLine(violation, ''));
  if (options.phone ?? true) {
    await page.setViewportSize(PHONE);
    const phone = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    axe.push(...phone.violations.map((violation) => axeLine(violation, ' at phone width')));
  }
  const cspViolations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  const cookies = (await context.cookies()).map((cookie) => cookie.name);
  const scriptBytes = (await Promise.all(scriptSizes)).reduce((sum, size) => sum + size, 0);
  await context.close();
  return {
    page: pagePath,
    axe,
    thirdParty,
    cookies,
    cspViolations,
    scriptBytes,
  };
}
