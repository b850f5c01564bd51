/**
 * A heading's id as the report page gives it (Astro's slugs, as github-slugger makes them): lower
 * case, punctuation dropped, each space a hyphen. A footnote whose mark is on a heading names it
 * by this id (`<Footnote of="what-needs-to-improve">`); the record, the page plugin and the
 * importer use it to find the heading. Dependency-free, for the importer.
 */
export function headingSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}
