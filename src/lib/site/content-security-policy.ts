/**
 * The Content-Security-Policy, in one place: the pages' <meta> tag and public/_headers (for hosts
 * that read one) must say the same thing, and a test checks that they do.
 *
 * Every script and stylesheet is a file from this site ('self'): Astro emits them as files, not
 * inline, so no 'unsafe-inline' is needed. Pagefind compiles WebAssembly ('wasm-unsafe-eval').
 * It would also start a web worker from a blob: URL, but the search page runs it without one
 * (src/browser/search.ts), so workers are left to default-src 'self'.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** What a <meta> tag can carry (frame-ancestors only works as a header). */
export const CSP_META = CSP_DIRECTIVES.join('; ');

/** The header form adds what only a header can say. */
export const CSP_HEADER = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ');
