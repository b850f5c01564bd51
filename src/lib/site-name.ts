/** The site's name, in one place for pages, citations and the feed. */
export const SITE_NAME = 'Herefordshire children’s services inspections';
