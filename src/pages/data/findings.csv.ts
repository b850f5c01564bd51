/** /data/findings.csv: /data/findings.json as a spreadsheet, one row per paragraph. */
import type { APIRoute } from 'astro';
import { loadFindings } from '../../loaders/record.ts';
import { findingsCsv } from '../../lib/publish/open-data.ts';

export const GET: APIRoute = async () =>
  new Response(findingsCsv(await loadFindings()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
