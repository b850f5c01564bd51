/**
 * Search by a term's spelled-out words: "multi-agency safeguarding hub" also finds the paragraphs
 * that only say "MASH", without adding any word to the index (the index holds the letters' words
 * only). The search page is given the glossary's small map of spelled-out forms to acronyms at
 * build time (src/lib/glossary.ts searchExpansions, in a data attribute of the page); when the
 * whole query is one of them it runs a second search for the acronym and merges the two here.
 */
import type { PagefindResult, PagefindResultData, PagefindSubResult } from './search-pagefind.ts';

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
        ? { id: result.id, score: Math.max(earlier.score, result.score), data: async () => mergeResultData(await earlier.data(), await result.data()) }
        : result,
    );
  }
  return [...byId.values()].sort((a, b) => b.score - a.score);
}
