/** /data/findings.json: every paragraph of every report, with its themes and weakness statuses. */
import type { APIRoute } from 'astro';
import { loadRecord } from '../../data/record.ts';
import { findings } from '../../lib/findings.ts';

export const GET: APIRoute = async () => {
  const record = await loadRecord();
  return new Response(`${JSON.stringify(findings(record), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
