/**
 * Escaping, in one place. HTML and XML: for what this site writes as strings (the preview pages, the briefing's
 * rich-text export, the Atom feeds): one escaper, so that all of them escape the same characters.
 * Every attribute the site writes is double-quoted, so `& < > "` are all that need it.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text or a double-quoted attribute value, escaped for HTML or XML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => ESCAPES[character]!);
}

/** Text matched literally inside a regular expression (search words, glossary terms, theme keywords). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
