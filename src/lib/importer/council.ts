/**
 * Councils, however a document names them: "Herefordshire County Council", "Dudley Metropolitan
 * Borough", "London Borough of Camden", "Leeds City Council", "Herefordshire local authority",
 * or only the place. Two names are the same council when their places are the same.
 */
import { SITE_COUNCIL } from '../site/council.ts';

/** The words around a council's place name, in the forms English councils use. */
const PREFIX = /^(?:the\s+)?(?:(?:London|Royal)\s+Borough\s+of|City\s+(?:and\s+County\s+)?of|County\s+of|Council\s+of\s+the|Metropolitan\s+Borough\s+of|Borough\s+of)\s+/i;
const SUFFIX =
  /\s+(?:(?:County|City|Borough|District|Metropolitan\s+Borough|Metropolitan\s+District)\s+Council|Council|Metropolitan\s+Borough|Metropolitan\s+District|local\s+authority|County|City)$/i;

/** The place a council's name is about: "Dudley Metropolitan Borough" -> "Dudley". */
export function councilPlace(name: string): string {
  return name.trim().replace(PREFIX, '').replace(SUFFIX, '').replace(/\s+/g, ' ').trim();
}

/** Is this name the site's council? */
export function isSiteCouncil(name: string): boolean {
  return councilPlace(name).toLowerCase() === SITE_COUNCIL.place.toLowerCase();
}

/**
 * The authority to write for a document that names its council as given: the site's council by
 * its configured name when the document names only its place; any other council as printed.
 */
export function authorityName(printed: string): string {
  const place = councilPlace(printed);
  if (place.toLowerCase() === SITE_COUNCIL.place.toLowerCase() && place === printed.replace(/\s+local authority$/i, '').trim()) {
    return SITE_COUNCIL.name;
  }
  return printed.replace(/\s+local authority$/i, '').trim();
}

/**
 * The warning for a document about another council than the site's, naming both and where the
 * site's is configured; undefined for the site's own council.
 */
export function otherCouncilWarning(authority: string): string | undefined {
  if (isSiteCouncil(authority)) return undefined;
  return `this document is about ${authority}, not ${SITE_COUNCIL.name}, the council this site is about (SITE_COUNCIL in src/lib/site/council.ts)`;
}
