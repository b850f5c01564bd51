/** /data/findings.json: every paragraph of every report, with its themes and weakness statuses. */
import type { APIRoute } from 'astro';
import { loadFindings } from '../../loaders/record.ts';
import { findingsJson } from '../../lib/publish/findings.ts';

export const GET: APIRoute = async () =>
  new Response(findingsJson(await loadFindings()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
