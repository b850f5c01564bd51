/**
 * The importer's theme suggestions for a paragraph: every theme one of whose keywords
 * (content/themes.yaml) starts a word of the paragraph, in the taxonomy's order, at most four.
 * A keyword in capitals (MASH, PEP, IRO) is an acronym and must match in capitals.
 * Crude on purpose: they are suggestions, written as <Finding themes="..." suggested>, and the
 * build refuses to publish them until an editor has reviewed each one.
 */
import { escapeRegExp } from '../utils/escape.ts';

export interface ThemeKeywords {
  id: string;
  keywords: readonly string[];
}

export const MAX_SUGGESTIONS = 4;


export function suggestThemes(text: string, themes: readonly ThemeKeywords[]): string[] {
  const suggested: string[] = [];
  for (const theme of themes) {
    const matches = theme.keywords.some((keyword) => {
      const acronym = /\p{Lu}/u.test(keyword) && keyword === keyword.toUpperCase();
      return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(keyword)}`, acronym ? 'u' : 'iu').test(text);
    });
    if (matches) suggested.push(theme.id);
    if (suggested.length === MAX_SUGGESTIONS) break;
  }
  return suggested;
}
