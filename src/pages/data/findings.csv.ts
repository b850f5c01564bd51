/** /data/findings.csv: /data/findings.json as a spreadsheet, one row per paragraph. */
import type { APIRoute } from 'astro';
import { loadRecord } from '../../data/record.ts';
import { findings } from '../../lib/findings.ts';
import { findingsCsv } from '../../lib/open-data.ts';

export const GET: APIRoute = async () =>
  new Response(findingsCsv(findings(await loadRecord())), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
