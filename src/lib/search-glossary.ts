/**
 * Search by a term's spelled-out words: "multi-agency safeguarding hub" also finds the paragraphs
 * that only say "MASH", without adding any word to the index (the index holds the letters' words
 * only). The search page is given the glossary's small map of spelled-out forms to acronyms at
 * build time (src/lib/glossary.ts searchExpansions, in a data attribute of the page); when the
 * whole query is one of them it runs a second search for the acronym and merges the two here.
 */
import type { PagefindResult, PagefindResultData, PagefindSubResult } from './search-pagefind.ts';
import { escapeRegExp } from './escape.ts';

/** Lower-cased spelled-out form (an expansion, or an alias that is not an acronym) -> the term as written. */
export type SearchExpansions = Record<string, string>;

export function normalQuery(text: string): string {
  return text
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim()
    .toLowerCase();
}

/** The acronym to search for as well, when the whole query spells out a glossary term. */
export function alternativeQuery(query: string, expansions: SearchExpansions): string | undefined {
  const key = normalQuery(query);
  if (!key) return undefined;
  return expansions[key] ?? (key.endsWith('s') ? expansions[key.slice(0, -1)] : undefined);
}

/**
 * The search for an acronym as an exact phrase. Pagefind matches the last word of a search as a
 * prefix, so a bare "PA" finds every report with a word beginning "pa" (14 of 14), and "PLO" and
 * "ADM" others; in quotes it finds the word itself, but gives only its first place in a report. So
 * the reports come from this search, and their paragraphs from the bare one (`acronymResults`).
 */
export function acronymQuery(acronym: string): string {
  return `"${acronym}"`;
}

/** Whether a paragraph's excerpt marks the acronym itself ("PA", "PAs"), not a word it begins ("paragraph"). */
export function marksAcronym(excerpt: string, acronym: string): boolean {
  const escaped = escapeRegExp(acronym);
  // Pagefind marks a word with the punctuation around it: "<mark>(PAs).</mark>".
  return new RegExp(`<mark>[^\\p{L}\\p{N}<]*${escaped}(?:s|’s|'s)?[^\\p{L}\\p{N}<]*</mark>`, 'u').test(excerpt);
}

/**
 * The acronym's results: the reports the exact search found (`exactIds`), each with the paragraphs
 * of the bare search that hold the acronym itself.
 */
export function acronymResults(bare: readonly PagefindResult[], exactIds: ReadonlySet<string>, acronym: string): PagefindResult[] {
  return bare
    .filter((result) => exactIds.has(result.id))
    .map((result) => ({
      ...result,
      data: async () => {
        const data = await result.data();
        return { ...data, sub_results: data.sub_results.filter((sub) => marksAcronym(sub.excerpt, acronym)) };
      },
    }));
}

/** The two searches' paragraphs of one report as one: each paragraph once, its matches together. */
export function mergeResultData(first: PagefindResultData, second: PagefindResultData): PagefindResultData {
  const byUrl = new Map<string, PagefindSubResult>();
  for (const sub of [...first.sub_results, ...second.sub_results]) {
    const earlier = byUrl.get(sub.url);
    byUrl.set(sub.url, earlier ? { ...earlier, locations: [...new Set([...earlier.locations, ...sub.locations])].sort((a, b) => a - b) } : sub);
  }
  return { ...first, sub_results: [...byUrl.values()] };
}

/**
 * A copy of a result's data as it is now. Pagefind keeps one object per report's fragment and
 * rewrites its matches on every data() call, whichever search it came from (loadFragment in
 * pagefind.js), so the first search's paragraphs must be copied before the second's are loaded.
 */
function snapshot(data: PagefindResultData): PagefindResultData {
  return { ...data, sub_results: [...data.sub_results] };
}

/**
 * The reports either search found, each once (Pagefind's result id is the report's fragment),
 * best score first; a report both found shows the paragraphs of both.
 */
export function mergeSearchResults(first: readonly PagefindResult[], second: readonly PagefindResult[]): PagefindResult[] {
  const byId = new Map<string, PagefindResult>();
  for (const result of [...first, ...second]) {
    const earlier = byId.get(result.id);
    byId.set(
      result.id,
      earlier
        ? { id: result.id, score: Math.max(earlier.score, result.score), data: async () => mergeResultData(snapshot(await earlier.data()), snapshot(await result.data())) }
        : result,
    );
  }
  return [...byId.values()].sort((a, b) => b.score - a.score);
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

/** How many reports the searches found between them, each counted once (Pagefind's result id is the report). */
export function reportsFound(searches: ReadonlyArray<ReadonlyArray<Pick<PagefindResult, 'id'>>>): number {
  return new Set(searches.flatMap((results) => results.map((result) => result.id))).size;
}
