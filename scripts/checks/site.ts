/**
 * The site checks over HTTP, against any address the site is served at (a deployed copy, or a
 * local build served by scripts/serve.ts): small checks wired together, in the style of
 * withastro/docs' link checker. The pages are the sitemap's (plus 404.html); each check reads
 * the fetched pages and returns findings, each naming the page, what is wrong and how to fix it.
 * The checks reuse the functions the quality gates run over the build (links.ts, page-rules.ts);
 * the browser gates (axe, CSP, third-party requests) stay in the tests.
 *
 * Internal links are judged by the address given (its origin and path), never by the host the
 * site was built for: a copy at https://example.org/inspections/ may link only under /inspections/.
 */
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { SECURITY_HEADERS } from '../../src/integrations/headers.ts';
import { checkPageLinks, idsOf, type FindTarget } from './links.ts';
import { pageRuleProblems } from './page-rules.ts';
import { inParallel } from './in-parallel.ts';
import { sitemapLocs } from './pages.ts';

export interface SiteProblem {
  /** An error fails the run; a warning is printed and counted. */
  level: 'error' | 'warning';
  /** Which check found it. */
  check: string;
  /** The page (a path, base included), or what the finding is about when it is no one page. */
  page: string;
  what: string;
  fix: string;
}

export interface Fetched {
  status: number;
  headers: Headers;
  body: string;
  /** The address it came from, after redirects. */
  url: string;
}

export interface FetchedPage extends Fetched {
  /** The page's path, base included. */
  path: string;
  tree: Root;
}

export interface SiteUnderCheck {
  /** The address checked, ending in `/`. */
  url: URL;
  /** Its path: every internal link must stay under it. */
  base: string;
  /** Where the sitemap says the site lives (the origin and base it was built for), or undefined without a sitemap. */
  sitemapAddress: string | undefined;
  pages: FetchedPage[];
  /** Fetches a path of the site once; later calls share the answer. */
  get(path: string): Promise<Fetched>;
}

export interface SiteCheck {
  name: string;
  run(site: SiteUnderCheck): Promise<SiteProblem[]>;
}

export interface CheckOptions {
  /** Missing security headers are errors rather than warnings (a host that can send them). */
  requireHeaders?: boolean;
  /** The copy is served from a local folder: its address is not the one it was built for, and that is expected. */
  local?: boolean;
}

/** How many pages are fetched at once. */
const PARALLEL = 6;

function isHtml(fetched: Fetched): boolean {
  return (fetched.headers.get('content-type') ?? '').includes('text/html');
}

/**
 * GETs an address. A connection the server closed while idle (its keep-alive timeout, met while the
 * checks were busy) resets the next request sent on it: a failed request is tried twice more.
 */
async function fetchOnce(address: URL, tries = 3): Promise<Fetched> {
  try {
    const response = await fetch(address, { redirect: 'follow' });
    return { status: response.status, headers: response.headers, body: await response.text(), url: response.url };
  } catch (error) {
    if (tries <= 1) throw error;
    return fetchOnce(address, tries - 1);
  }
}

/** Reads the sitemap and fetches every page it lists, and 404.html. */
export async function loadSite(address: string): Promise<{ site: SiteUnderCheck; findings: SiteProblem[] }> {
  const url = new URL(address);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  const base = url.pathname;
  const cache = new Map<string, Promise<Fetched>>();
  const get = (sitePath: string): Promise<Fetched> => {
    let answer = cache.get(sitePath);
    if (!answer) {
      answer = fetchOnce(new URL(sitePath, url.origin));
      cache.set(sitePath, answer);
    }
    return answer;
  };

  const findings: SiteProblem[] = [];
  try {
    await get(base);
  } catch (error) {
    throw new Error(`check-site: could not reach ${url.href} (${(error as Error).cause ?? (error as Error).message}). Fix: check the address, and that the site is being served there.`);
  }

  // @astrojs/sitemap writes sitemap-index.xml naming sitemap-0.xml, …; a site with only a sitemap-0.xml is read too.
  const index = await get(`${base}sitemap-index.xml`);
  let sitemaps = index.status === 200 ? sitemapLocs(index.body) : [];
  if (sitemaps.length === 0) sitemaps = [new URL(`${base}sitemap-0.xml`, url.origin).href];
  const locs: string[] = [];
  for (const sitemap of sitemaps) {
    const sitemapPath = new URL(sitemap).pathname;
    const answer = await get(sitemapPath);
    if (answer.status !== 200) {
      findings.push({ level: 'error', check: 'sitemap', page: sitemapPath, what: `the sitemap answered ${answer.status}, so the pages to check are unknown`, fix: 'publish the whole build, sitemap-index.xml and sitemap-0.xml included (@astrojs/sitemap writes them when `site` is set).' });
      continue;
    }
    locs.push(...sitemapLocs(answer.body));
  }
  const sitemapHome = locs.map((loc) => new URL(loc)).sort((a, b) => a.pathname.length - b.pathname.length)[0];
  const paths: string[] = [];
  for (const loc of locs) {
    const pathname = new URL(loc).pathname;
    if (pathname.startsWith(base)) paths.push(pathname);
    else findings.push({ level: 'error', check: 'sitemap', page: pathname, what: `the sitemap lists a page outside the address checked (${url.href})`, fix: 'build with BASE_PATH set to the path the site is served under, or check the address the site was built for.' });
  }
  paths.push(`${base}404.html`);
  const unique = [...new Set(paths)].sort();

  const pages: FetchedPage[] = [];
  const fetched = await inParallel(unique, PARALLEL, async (pagePath) => ({ pagePath, answer: await get(pagePath) }));
  for (const { pagePath, answer } of fetched) {
    if (answer.status !== 200 || !isHtml(answer)) {
      findings.push({ level: 'error', check: 'pages', page: pagePath, what: `answered ${answer.status}${answer.status === 200 ? ` with ${answer.headers.get('content-type')}, not HTML` : ''}`, fix: 'publish the whole build folder to the host, unchanged.' });
      continue;
    }
    pages.push({ ...answer, path: pagePath, tree: fromHtml(answer.body) });
  }
  const sitemapAddress = sitemapHome ? new URL(sitemapHome.pathname, sitemapHome.origin).href : undefined;
  return { site: { url, base, sitemapAddress, pages, get }, findings };
}

const PAGE_RULES_FIX = 'keep the rules every page keeps (DESIGN.md §6): fix the layout or page that writes it.';

/** One h1, lang, title and description (unique across the site), landmarks, skip link, valid HTML: page-rules.ts. */
export const pageRulesCheck: SiteCheck = {
  name: 'page rules',
  async run(site) {
    const { rules, html } = await pageRuleProblems(site.pages.map((page) => ({ page: page.path, html: page.body })));
    const what = (problem: string) => problem.replace(/\.$/, '');
    return [
      ...rules.map(({ page, problem }): SiteProblem => ({ level: 'error', check: 'page rules', page, what: what(problem), fix: problem.startsWith('has the same') ? 'give each page its own title and description.' : PAGE_RULES_FIX })),
      ...html.map(({ page, problem }): SiteProblem => ({ level: 'error', check: 'html', page, what: problem, fix: 'correct the markup where the page is written (the rule is html-validate’s).' })),
    ];
  },
};

/** Every internal link, asset and #fragment resolves over HTTP: links.ts, with each target fetched once. */
export const linksCheck: SiteCheck = {
  name: 'links',
  async run(site) {
    const pageIds = new Map(site.pages.map((page) => [page.path, idsOf(page.tree)]));
    const find: FindTarget = async (targetPath) => {
      const own = pageIds.get(targetPath);
      if (own) return { ids: async () => own };
      const answer = await site.get(targetPath);
      if (answer.status < 200 || answer.status >= 300) return undefined;
      return { ids: async () => (isHtml(answer) ? idsOf(fromHtml(answer.body)) : undefined) };
    };
    const external = new Map<string, string[]>();
    const findings: SiteProblem[] = [];
    for (const page of site.pages) {
      for (const link of await checkPageLinks(page.path, page.tree, site.base, find, external)) {
        findings.push({
          level: 'error',
          check: 'links',
          page: page.path,
          what: `link to ${link.target}: ${link.why}`,
          fix: link.why.startsWith('outside')
            ? `build the site with BASE_PATH=${site.base} (the path it is served under), so its links carry it.`
            : link.why.startsWith('no element')
              ? 'link an id the page has; a published paragraph anchor must keep resolving (README “Permanent paragraph links”).'
              : 'link a page or file that exists, or publish the missing one (the whole build folder).',
        });
      }
    }
    return findings;
  },
};

/** The headers the build's _headers file lists, from their one list (src/integrations/headers.ts), as the host should send them. */
export function expectedHeaders(): Record<string, string> {
  return Object.fromEntries(SECURITY_HEADERS);
}

const HEADERS_FIX =
  'have the host send the headers in the build’s _headers file (Netlify and Cloudflare Pages read it; see README “Publishing the site” for other hosts). ' +
  'GitHub Pages cannot set headers, so there this stays a warning: the Content-Security-Policy still applies from each page’s <meta> tag, but frame-ancestors (no framing), nosniff and the referrer and permissions policies are not in force.';

/** The security headers are sent with every page. A warning unless asked for: some hosts cannot send headers. */
export function headersCheck(options: CheckOptions = {}): SiteCheck {
  return {
    name: 'headers',
    async run(site) {
      const findings: SiteProblem[] = [];
      const level = options.requireHeaders ? 'error' : 'warning';
      const total = site.pages.length;
      const where = (pages: FetchedPage[]) => (pages.length === total ? `every page (${total})` : `${pages.length} of ${total} pages, e.g. ${pages[0]!.path}`);
      // Headers missing from the same pages are one finding (a host that sends none misses them all).
      const missingFrom = new Map<string, string[]>();
      for (const [name, value] of Object.entries(expectedHeaders())) {
        const missing = site.pages.filter((page) => page.headers.get(name) === null);
        const different = site.pages.filter((page) => page.headers.get(name) !== null && page.headers.get(name) !== value);
        if (missing.length > 0) missingFrom.set(where(missing), [...(missingFrom.get(where(missing)) ?? []), name]);
        if (different.length > 0) findings.push({ level, check: 'headers', page: where(different), what: `the ${name} header is “${different[0]!.headers.get(name)}”, not “${value}”`, fix: 'send the value in the build’s _headers file (src/integrations/headers.ts writes it).' });
      }
      for (const [pages, names] of missingFrom) {
        findings.unshift({ level, check: 'headers', page: pages, what: `security header${names.length === 1 ? '' : 's'} not sent: ${names.join(', ')}`, fix: HEADERS_FIX });
      }
      return findings;
    },
  };
}

/** An address with no page answers 404 (not 200, which search engines would index as a page). */
export const notFoundCheck: SiteCheck = {
  name: 'not found',
  async run(site) {
    const missing = `${site.base}check-site-no-such-page/`;
    const answer = await site.get(missing);
    if (answer.status === 404) return [];
    return [{ level: 'error', check: 'not found', page: missing, what: `an address with no page answered ${answer.status}, not 404`, fix: 'have the host answer 404 with the build’s 404.html (GitHub Pages, Netlify and Cloudflare Pages do by default).' }];
  },
};

/** The sitemap's addresses are the ones the site is checked at: otherwise canonical links, feeds and citations point elsewhere. */
export function addressCheck(options: CheckOptions = {}): SiteCheck {
  return {
    name: 'address',
    async run(site) {
      if (options.local || site.sitemapAddress === undefined || site.sitemapAddress === site.url.href) return [];
      return [{ level: 'warning', check: 'address', page: `${site.base}sitemap-0.xml`, what: `the site was built for ${site.sitemapAddress} but is served at ${site.url.href}, so its canonical links, sitemap, feeds and citations name the other address`, fix: `build with SITE_URL=${site.url.href}, or check the copy at the address it was built for.` }];
    },
  };
}

export function siteChecks(options: CheckOptions = {}): SiteCheck[] {
  return [pageRulesCheck, linksCheck, headersCheck(options), notFoundCheck, addressCheck(options)];
}

export interface SiteReport {
  url: string;
  pagesChecked: number;
  findings: SiteProblem[];
}

export async function checkSite(address: string, options: CheckOptions = {}): Promise<SiteReport> {
  const { site, findings } = await loadSite(address);
  for (const check of siteChecks(options)) findings.push(...(await check.run(site)));
  return { url: site.url.href, pagesChecked: site.pages.length, findings };
}

/** One line per finding: level, page, what, and how to fix it. */
export function findingLine(finding: SiteProblem): string {
  return `${finding.level === 'error' ? 'ERROR' : 'WARNING'} [${finding.check}] ${finding.page}: ${finding.what}. Fix: ${finding.fix}`;
}

export function summaryLine(report: SiteReport): string {
  const errors = report.findings.filter((finding) => finding.level === 'error').length;
  const warnings = report.findings.length - errors;
  const byCheck = new Map<string, number>();
  for (const finding of report.findings) byCheck.set(finding.check, (byCheck.get(finding.check) ?? 0) + 1);
  const detail = [...byCheck].map(([check, count]) => `${check} ${count}`).join(', ');
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `check-site: ${plural(report.pagesChecked, 'page')} checked at ${report.url}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${detail ? ` (${detail})` : ''}. ${errors > 0 ? 'FAILED' : 'PASSED'}`;
}
