/** The search words a report page highlights on arrival from a search result (src/browser/highlight.ts). */
import { escapeRegExp } from '../utils/escape.ts';

/**
 * The words to highlight on arrival, as one pattern. Each word matches at the start of a word
 * and runs on to its end, so "caseload" also marks "caseloads", as Pagefind's stemming found it.
 */
export function highlightPattern(query: string): RegExp | undefined {
  const words = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}’'-]+/u)
    .map((word) => word.replace(/^['’-]+|['’-]+$/g, ''))
    .filter((word) => word.length >= 2);
  if (words.length === 0) return undefined;
  const alternatives = [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})[\\p{L}\\p{N}]*`, 'giu');
}
