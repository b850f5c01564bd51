/** /data/reports.json: every report's facts, oldest first. */
import type { APIRoute } from 'astro';
import { loadRecord } from '../../loaders/record.ts';
import { reportsData } from '../../lib/publish/open-data.ts';

export const GET: APIRoute = async () =>
  new Response(`${JSON.stringify(reportsData(await loadRecord()), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
