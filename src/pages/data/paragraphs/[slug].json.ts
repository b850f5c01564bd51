/**
 * /data/paragraphs/<slug>.json: one report's paragraphs with their ready citations, permanent
 * links and fingerprints (src/lib/briefing/paragraph-files.ts). The briefing page fetches only the reports
 * its paragraphs belong to.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadRecord } from '../../../loaders/record.ts';
import { absoluteUrls } from '../../../loaders/site.ts';
import { reportParagraphsFile } from '../../../lib/briefing/paragraph-files.ts';
import type { RecordReport } from '../../../lib/record/build-record.ts';

export const getStaticPaths = (async () => {
  const { reports } = await loadRecord();
  return reports.map((report) => ({ params: { slug: report.id }, props: { report } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ report: RecordReport }> = ({ props, site }) => {
  return new Response(`${JSON.stringify(reportParagraphsFile(props.report, absoluteUrls(site)))}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
