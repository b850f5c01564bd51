/** /data/progress.csv: the matrix, one row per 2018 weakness per later visit. */
import type { APIRoute } from 'astro';
import { loadRecord } from '../../loaders/record.ts';
import { progressCsv } from '../../lib/publish/open-data.ts';

export const GET: APIRoute = async () =>
  new Response(progressCsv(await loadRecord()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
