/** The site's name, in one place for pages, citations and the feed. */
export const SITE_NAME = 'Herefordshire children’s services inspections';

/**
 * The council this record is about, in one place. The importer writes `name` as the authority
 * of a report that names only the place ("Inspection of Herefordshire local authority children’s
 * services"), and will not write a document about another council into content/ without --force.
 */
export const SITE_COUNCIL = { name: 'Herefordshire Council', place: 'Herefordshire' } as const;
