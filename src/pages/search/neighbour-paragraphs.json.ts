/**
 * /search/neighbour-paragraphs.json: every paragraph of the statistical neighbours' reports, from
 * which scripts/search-index.ts builds their search index (/pagefind-neighbours/), as it builds
 * Herefordshire's from /data/findings.json (src/lib/search/neighbour-paragraphs.ts). The search's
 * input, not open data: not in the sitemap (it is not a page) nor listed on /data/.
 */
import type { APIRoute } from 'astro';
import { loadNeighbourParagraphs } from '../../loaders/neighbours.ts';
import { neighbourParagraphsJson } from '../../lib/search/neighbour-paragraphs.ts';

export const GET: APIRoute = async () =>
  new Response(neighbourParagraphsJson(await loadNeighbourParagraphs()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
