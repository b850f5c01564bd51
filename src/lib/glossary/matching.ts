/**
 * The glossary's matching rules, shared by every place a term is marked: the report pages (the
 * hast plugin src/plugins/hast-glossary-terms.ts), the theme and weakness pages
 * (src/components/GlossaryText.astro), the search page's map of spelled-out forms (what the page
 * runs is src/lib/search/term-forms.ts) and the build's warning about acronyms the glossary lacks.
 *
 * The rules:
 * - a form (the term or an alias) written in capitals, such as "MASH" or "IRO", is an acronym and
 *   matches only with that exact case (its plural "IROs" follows from the next rule), so that "Mash" or a capitalised word is never taken for it;
 *   any other form ("section 47", "child protection plan") matches ignoring case;
 * - a form matches only as whole words (no letter or digit on either side), with any run of white
 *   space between its words (a report's text may break a line inside a phrase), and with a plural
 *   "s" after it;
 * - where forms overlap, the one starting first wins, then the longest ("initial child protection
 *   conference" over "child protection conference");
 * - on a page, only the first use of each term is marked: the caller keeps a `seen` set per page.
 */

import type { ContentProblem } from '../utils/content-problems.ts';
import { escapeRegExp } from '../utils/escape.ts';
import { normalQuery, type SearchExpansions } from '../search/term-forms.ts';

export interface GlossarySource {
  title: string;
  url: string;
}

export interface GlossaryTerm {
  id: string;
  term: string;
  aliases: readonly string[];
  expansion?: string | undefined;
  definition: string;
  source: GlossarySource;
}

/** A piece of a text: plain words, or a use of a glossary term (the words exactly as written). */
export type TextPiece = { text: string; term?: undefined } | { text: string; term: GlossaryTerm };

/** True for a form written in capitals ("MASH", "CIN"): matched with its exact case. */
export function isAcronym(form: string): boolean {
  return /^[A-Z][A-Z0-9]+$/.test(form);
}


/** A form as a pattern: its words with any white space between, and an optional plural "s". */
function formPattern(form: string): string {
  return `${form.trim().split(/\s+/).map(escapeRegExp).join('\\s+')}s?`;
}

function wholeWords(alternatives: readonly string[], flags: string): RegExp | undefined {
  if (alternatives.length === 0) return undefined;
  // Longest first, so that the regex itself prefers "child protection plans" to a shorter form.
  const sorted = [...alternatives].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, flags);
}

/** The glossary compiled for matching: build once per build, use on every page. */
export interface GlossaryMatcher {
  readonly terms: readonly GlossaryTerm[];
  /** Every use of a term in `text`, in order, not overlapping. */
  matches(text: string): Array<{ start: number; end: number; term: GlossaryTerm }>;
}

export function glossaryMatcher(terms: readonly GlossaryTerm[]): GlossaryMatcher {
  const exact = new Map<string, GlossaryTerm>();
  const folded = new Map<string, GlossaryTerm>();
  for (const term of terms) {
    for (const form of [term.term, ...term.aliases]) {
      const normal = form.trim().replace(/\s+/g, ' ');
      if (isAcronym(normal)) {
        if (!exact.has(normal)) exact.set(normal, term);
      } else if (!folded.has(normal.toLowerCase())) folded.set(normal.toLowerCase(), term);
    }
  }
  const caseSensitive = wholeWords([...exact.keys()].map(formPattern), 'gu');
  const caseInsensitive = wholeWords([...folded.keys()].map(formPattern), 'giu');

  /** The term a matched text is a form of (the regex matched one of them, perhaps with a plural "s"). */
  function termOf(matched: string, forms: ReadonlyMap<string, GlossaryTerm>, fold: boolean): GlossaryTerm | undefined {
    let key = matched.replace(/\s+/g, ' ');
    if (fold) key = key.toLowerCase();
    return forms.get(key) ?? (key.endsWith('s') ? forms.get(key.slice(0, -1)) : undefined);
  }

  return {
    terms,
    matches(text) {
      const found: Array<{ start: number; end: number; term: GlossaryTerm }> = [];
      for (const [regex, forms, fold] of [
        [caseSensitive, exact, false],
        [caseInsensitive, folded, true],
      ] as const) {
        if (!regex) continue;
        for (const match of text.matchAll(regex)) {
          const term = termOf(match[0], forms, fold);
          if (term) found.push({ start: match.index, end: match.index + match[0].length, term });
        }
      }
      found.sort((a, b) => a.start - b.start || b.end - a.end);
      const kept: typeof found = [];
      for (const match of found) {
        if (match.start >= (kept.at(-1)?.end ?? 0)) kept.push(match);
      }
      return kept;
    },
  };
}

/**
 * Splits `text` into plain pieces and the first use on the page of each term (by term id, kept in
 * `seen`, which this updates). The pieces joined are `text`, unchanged.
 */
export function segmentText(text: string, matcher: GlossaryMatcher, seen: Set<string>): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of matcher.matches(text)) {
    if (seen.has(match.term.id)) continue;
    seen.add(match.term.id);
    if (match.start > at) pieces.push({ text: text.slice(at, match.start) });
    pieces.push({ text: text.slice(match.start, match.end), term: match.term });
    at = match.end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at) });
  return pieces;
}

/**
 * What to show beside a use of a term: its expansion, where the words used are an acronym ("MASH",
 * "IROs"). Words already spelled out ("multi-agency safeguarding hub", "children in need") need none.
 */
export function expansionFor(used: string, term: GlossaryTerm): string | undefined {
  if (!term.expansion) return undefined;
  return isAcronym(used) || (used.endsWith('s') && isAcronym(used.slice(0, -1))) ? term.expansion : undefined;
}

/** The class of a linked term (src/styles/glossary.css). */
export const TERM_CLASS = 'term';

/**
 * One use of a term as the pages mark it, whichever renders it (the report pages' plugin writes it
 * as hast, GlossaryText.astro as Astro markup): a link whose text is the letter's own words and
 * nothing else, so that the paragraph's words, a reader's copy of them and the search index do not
 * change. Where the words are an acronym, the link carries its expansion in attributes only:
 * - `label` (aria-label): the term then its expansion, "LSCB (Local Safeguarding Children Board)",
 *   what a screen reader reads where the term is, in the flow of the text or on Tab; it starts with
 *   the visible words (WCAG 2.2 2.5.3 label in name);
 * - `expansion` (data-expansion): shown after the term on hover and focus, and always in print, as
 *   CSS generated content (src/styles/glossary.css), which is neither selected nor copied.
 */
export interface TermMarkup {
  text: string;
  href: string;
  label?: string;
  expansion?: string;
}

export function termMarkup(used: string, term: GlossaryTerm, href: string): TermMarkup {
  const expansion = expansionFor(used, term);
  return { text: used, href, ...(expansion && { label: `${used} (${expansion})`, expansion }) };
}

/** Glossary terms in the order the glossary page lists them: alphabetical, ignoring case. */
export function sortedTerms(terms: readonly GlossaryTerm[]): GlossaryTerm[] {
  return [...terms].sort((a, b) => a.term.localeCompare(b.term, 'en-GB', { sensitivity: 'base' }) || a.id.localeCompare(b.id));
}

// ---------------------------------------------------------------------------------------------
// Search: a query that spells out a term also finds the paragraphs that use the term. What the
// search page runs is in src/lib/search/term-forms.ts, so that its bundle holds none of this module.

/**
 * The small map the search page is given at build time: each form of a term (the term, its
 * aliases and its expansion) -> the term's other forms. A query that is one form then also finds
 * the paragraphs that use another ("section 47" and "child protection enquiries", "MASH" and
 * "multi-agency safeguarding hub"); a plural is matched by the search page.
 */
export function searchExpansions(terms: readonly GlossaryTerm[]): SearchExpansions {
  const map: SearchExpansions = {};
  for (const term of sortedTerms(terms)) {
    const forms = [term.term, ...term.aliases, ...(term.expansion ? [term.expansion] : [])];
    for (const form of forms) {
      const key = normalQuery(form);
      if (!key || key in map) continue;
      const others = [...new Set(forms.filter((other) => normalQuery(other) !== key))];
      if (others.length > 0) map[key] = others;
    }
  }
  return map;
}

// ---------------------------------------------------------------------------------------------
// The build's warning: acronyms in the reports that the glossary does not explain.

/**
 * Capitals that are not jargon a reader needs explained: what everyone knows (UK, NHS, BBC, COVID,
 * GCSE), the names of Herefordshire's own services that are words rather than abbreviations
 * (ECHO, GETSAFE: the letters say what they are where they use them), and "AI", which the
 * letters use only after an inspector's name (additional inspector). Keep it short: an acronym
 * left off both lists is only a warning.
 */
export const ACRONYM_ALLOWLIST: ReadonlySet<string> = new Set(['AI', 'BBC', 'COVID', 'ECHO', 'GCSE', 'GETSAFE', 'NHS', 'UK']);

export interface UnknownAcronym {
  acronym: string;
  /** Where it first occurs, e.g. "2018-06-inspection#p6". */
  firstAt: string;
  count: number;
}

/**
 * Every acronym (two or more capitals, optionally a plural "s") in the given paragraphs that no
 * glossary form covers and that is not allowlisted, with where it first occurs, sorted by acronym.
 */
export function unknownAcronyms(
  paragraphs: Iterable<{ where: string; text: string }>,
  terms: readonly GlossaryTerm[],
  allowlist: ReadonlySet<string> = ACRONYM_ALLOWLIST,
): UnknownAcronym[] {
  const known = new Set<string>();
  for (const term of terms) for (const form of [term.term, ...term.aliases]) if (isAcronym(form)) known.add(form);
  const found = new Map<string, UnknownAcronym>();
  for (const { where, text } of paragraphs) {
    for (const match of text.matchAll(/(?<![\p{L}\p{N}])([A-Z]{2,})(?:s|’s|'s)?(?![\p{L}\p{N}])/gu)) {
      const acronym = match[1]!;
      if (known.has(acronym) || allowlist.has(acronym)) continue;
      const entry = found.get(acronym);
      if (entry) entry.count += 1;
      else found.set(acronym, { acronym, firstAt: where, count: 1 });
    }
  }
  return [...found.values()].sort((a, b) => a.acronym.localeCompare(b.acronym));
}

/** The build's one warning line for them, or undefined when there are none. */
export function unknownAcronymsWarning(unknown: readonly UnknownAcronym[]): string | undefined {
  if (unknown.length === 0) return undefined;
  const list = unknown.map((item) => `${item.acronym} (${item.firstAt}${item.count > 1 ? `, ${item.count} uses` : ''})`).join(', ');
  return `Glossary: ${unknown.length} acronym${unknown.length === 1 ? '' : 's'} in the reports ${unknown.length === 1 ? 'is' : 'are'} not in content/glossary.yaml: ${list}. Add the jargon to the glossary, or the plain words to ACRONYM_ALLOWLIST in src/lib/glossary/matching.ts.`;
}

// ---------------------------------------------------------------------------------------------
// Checks across entries, beyond what the schema checks of each.

/**
 * Problems the schema cannot see in one entry: an acronym with no expansion, and a spelling
 * claimed by two terms (a use of it could link to only one).
 */
export function glossaryProblems(terms: ReadonlyArray<GlossaryTerm & { line: number }>, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const owner = new Map<string, { id: string; line: number }>();
  for (const term of terms) {
    if (isAcronym(term.term) && !term.expansion) {
      problems.push({ file, line: term.line, message: `"${term.term}" is an acronym but has no expansion.`, fix: 'add `expansion:` with what it stands for.' });
    }
    for (const form of [term.term, ...term.aliases]) {
      const key = isAcronym(form) ? form : form.replace(/\s+/g, ' ').toLowerCase();
      const earlier = owner.get(key);
      if (earlier && earlier.id !== term.id) {
        problems.push({
          file,
          line: term.line,
          message: `"${form}" is also a spelling of "${earlier.id}" (line ${earlier.line}).`,
          fix: 'keep each spelling under one term only.',
        });
      } else owner.set(key, { id: term.id, line: term.line });
    }
  }
  return problems;
}
