/**
 * Rules every page must keep (DESIGN.md §6): one h1, lang="en-GB", a title and a meta
 * description, the landmarks, and a skip link to the main content. Titles and descriptions must
 * also be unique across the site.
 */
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { HtmlValidate } from 'html-validate';

export interface PageFacts {
  page: string;
  title: string;
  description: string;
  problems: string[];
}

export function pageFacts(page: string, html: string): PageFacts {
  const tree: Root = fromHtml(html);
  const problems: string[] = [];
  const h1s = selectAll('h1', tree);
  if (h1s.length !== 1) problems.push(`has ${h1s.length} h1 elements; a page needs exactly one.`);
  const lang = select('html', tree)?.properties.lang;
  if (lang !== 'en-GB') problems.push(`<html lang> is ${JSON.stringify(lang ?? null)}, not "en-GB".`);
  const title = toText(select('title', tree) ?? { type: 'root', children: [] }).trim();
  if (title === '') problems.push('has no <title>.');
  const description = String(select('meta[name="description"]', tree)?.properties.content ?? '').trim();
  if (description === '') problems.push('has no meta description.');
  for (const [selector, name] of [['header', 'banner (header)'], ['nav', 'navigation'], ['main', 'main'], ['footer', 'contentinfo (footer)']] as const) {
    if (!select(selector, tree)) problems.push(`has no ${name} landmark.`);
  }
  // Template whitespace left before punctuation ("Children in care , Permanence") reads badly
  // aloud and in print; the letters themselves never have it.
  const mainText = toText(select('main', tree) ?? tree).replace(/\s+/g, ' ');
  const stray = /\S \s*[,;](?= )/.exec(mainText);
  if (stray) problems.push(`has a space before punctuation: “…${mainText.slice(Math.max(0, stray.index - 30), stray.index + 10)}…”.`);
  const skip = select('a.skip-link', tree);
  const mainId = select('main', tree)?.properties.id;
  if (!skip || skip.properties.href !== `#${String(mainId)}`) problems.push('has no skip link to its main content.');
  return { page, title, description, problems };
}

/** A problem found on one page: `problem` reads on from the page's path ("/reports/ has no h1."). */
export interface PageProblem {
  page: string;
  problem: string;
}

export function uniquenessProblems(pages: readonly PageFacts[]): PageProblem[] {
  const problems: PageProblem[] = [];
  for (const field of ['title', 'description'] as const) {
    const seen = new Map<string, string>();
    for (const facts of pages) {
      const earlier = seen.get(facts[field]);
      if (earlier !== undefined) problems.push({ page: facts.page, problem: `has the same ${field} as ${earlier}: “${facts[field]}”.` });
      else seen.set(facts[field], facts.page);
    }
  }
  return problems;
}

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Typographic apostrophes and quotes are the letters' own characters.
    'no-raw-characters': 'off',
    // Astro writes boolean attributes and void elements its own (valid) way.
    'void-style': 'off',
    'attribute-boolean-style': 'off',
    'attribute-empty-style': 'off',
    // Long lines of prose are content, not a formatting problem.
    'long-title': 'off',
    // Formatting, not validity: the HTML keeps Astro's line breaks so words never run together.
    'no-trailing-whitespace': 'off',
  },
});

/** html-validate's findings for one page, as "line:column rule: message". */
export async function htmlProblems(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((result) => result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`));
}

/**
 * The page rules and html-validate over a set of pages, titles and descriptions unique among them:
 * what the quality gates run over the build and scripts/check-site.ts over a served copy.
 */
export async function pageRuleProblems(pages: ReadonlyArray<{ page: string; html: string }>): Promise<{ rules: PageProblem[]; html: PageProblem[] }> {
  const facts: PageFacts[] = [];
  const html: PageProblem[] = [];
  for (const { page, html: source } of pages) {
    facts.push(pageFacts(page, source));
    for (const problem of await htmlProblems(source)) html.push({ page, problem });
  }
  const rules = [...facts.flatMap((fact) => fact.problems.map((problem) => ({ page: fact.page, problem }))), ...uniquenessProblems(facts)];
  return { rules, html };
}
