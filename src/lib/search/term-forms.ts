/**
 * Search by any of a glossary term's forms: "multi-agency safeguarding hub" also finds the
 * paragraphs that only say "MASH", "MASH" those that spell it out, and "section 47" the paragraphs
 * on "child protection enquiries", without adding any word to the index (the index holds the
 * letters' words only). The search page is given a small map from each form of a term to its other
 * forms at build time (src/lib/glossary/matching.ts searchExpansions, in a data attribute of the page); when
 * the whole query is one of them, each other form is searched for as an exact phrase, and what they
 * find ranks with the query's own exact matches (src/lib/search/results.ts).
 */
import type { PagefindResult } from './pagefind-api.ts';

/** Lower-cased form of a term (the term, an alias, an expansion) -> the term's other forms, as written. */
export type SearchExpansions = Record<string, string[]>;

export function normalQuery(text: string): string {
  return text
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim()
    .toLowerCase();
}

/** The other forms to search for as well, when the whole query is a form of a glossary term ("MASHs" too). */
export function otherForms(query: string, expansions: SearchExpansions): string[] {
  const key = normalQuery(query);
  if (!key) return [];
  return expansions[key] ?? (key.endsWith('s') ? expansions[key.slice(0, -1)] : undefined) ?? [];
}

/**
 * The filters for counting one value the way Pagefind counts it: the results of the current
 * filters that also have `name: value` (checked against Pagefind 1.6's own counts: for "caseloads"
 * with the Education theme chosen, its count for each other theme and kind equals the results of
 * this filter, not of adding the value to the "any" list).
 */
export function filtersWithValue(filters: Readonly<Record<string, unknown>>, name: string, value: string): Record<string, unknown> {
  return Object.keys(filters).length === 0 ? { [name]: value } : { all: [filters, { [name]: value }] };
}

/** How many paragraphs the searches found between them, each counted once (Pagefind's result id is the paragraph's record). */
export function paragraphsFound(searches: ReadonlyArray<ReadonlyArray<Pick<PagefindResult, 'id'>>>): number {
  return new Set(searches.flatMap((results) => results.map((result) => result.id))).size;
}
