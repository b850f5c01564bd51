/**
 * Checks a copy of the site over HTTP: a deployed one (`--url`) or a local build, served for the
 * run by scripts/serve.ts (`--dir`). It reads the sitemap, fetches every page, and checks that
 * every internal link and #anchor resolves, each page keeps the page rules, the security headers
 * are sent (a warning: some hosts, GitHub Pages among them, cannot send headers) and a missing
 * address answers 404. One line per problem, then a summary; exit code 1 when any is an error.
 *
 * Usage:
 *   npm run check-site -- --url https://example.org/inspections/
 *   npm run check-site -- --dir dist [--base /inspections/]
 * Options: --require-headers makes missing security headers errors.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkSite, findingLine, summaryLine } from './checks/site.ts';
import { serve, type RunningServer } from './serve.ts';

const USAGE = 'Usage: npm run check-site -- --url https://example.org/inspections/   or   npm run check-site -- --dir dist [--base /inspections/]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        url: { type: 'string' },
        dir: { type: 'string' },
        base: { type: 'string', default: process.env.BASE_PATH ?? '/' },
        'require-headers': { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`check-site: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if ((values.url === undefined) === (values.dir === undefined)) {
    console.error(`check-site: give one of --url (a served copy) or --dir (a built folder).\n${USAGE}`);
    return 2;
  }
  let server: RunningServer | undefined;
  let address = values.url;
  if (values.dir !== undefined) {
    const isBuild = await stat(path.join(values.dir, 'index.html')).then((info) => info.isFile(), () => false);
    if (!isBuild) {
      console.error(`check-site: ${values.dir}/index.html does not exist. Fix: build the site first (npm run build), or give the folder it was built into.`);
      return 2;
    }
    server = await serve({ dir: values.dir, base: values.base });
    address = server.url;
  }
  try {
    const report = await checkSite(address!, { requireHeaders: values['require-headers'], local: server !== undefined });
    for (const finding of report.findings) console.log(findingLine(finding));
    console.log(summaryLine(report));
    return report.findings.some((finding) => finding.level === 'error') ? 1 : 0;
  } catch (error) {
    const cause = (error as Error).cause;
    console.error(`${(error as Error).message}${cause ? ` (${String(cause)})` : ''}`);
    return 2;
  } finally {
    await server?.close();
  }
}

process.exitCode = await main();
