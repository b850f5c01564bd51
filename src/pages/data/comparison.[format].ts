/**
 * /data/comparison.json and /data/comparison.csv: England's councils' latest reports, one record
 * per council, Herefordshire and its statistical neighbours marked (src/lib/compare/open-data.ts).
 * Built only where the content has the comparison's files (src/loaders/comparison.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadComparison } from '../../loaders/comparison.ts';
import { comparisonCsvRows, comparisonFile, comparisonRecords } from '../../lib/compare/open-data.ts';
import { toCsv } from '../../lib/publish/open-data.ts';
import { OGL_URL } from '../../lib/site/urls.ts';

export const getStaticPaths = (() => (loadComparison() ? [{ params: { format: 'json' } }, { params: { format: 'csv' } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const { data } = loadComparison()!;
  if (params.format === 'csv') {
    const { columns, rows } = comparisonCsvRows(comparisonRecords(data));
    return new Response(toCsv(columns, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  }
  return new Response(`${JSON.stringify(comparisonFile(data, `Open Government Licence v3.0: ${OGL_URL}`), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
