/**
 * Prints the site's security headers for a static host, from the one list in
 * src/integrations/headers.ts (README, "Publishing the site"):
 *
 *   npm run headers                                   the _headers file the build writes (Netlify, Cloudflare Pages)
 *   npm run headers -- --nginx [--base /inspections/]  the same headers as an nginx snippet, with the
 *                                                     rules for folder pages and the 404 page (base: BASE_PATH, or /)
 */
import { parseArgs } from 'node:util';
import { headersFile, nginxSnippet } from '../src/integrations/headers.ts';
import { parseBasePath, SiteAddressError } from '../src/lib/site/address.ts';

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      nginx: { type: 'boolean', default: false },
      base: { type: 'string', default: process.env.BASE_PATH },
    },
  });
  try {
    process.stdout.write(values.nginx ? nginxSnippet(parseBasePath(values.base)) : headersFile());
  } catch (error) {
    if (!(error instanceof SiteAddressError)) throw error;
    console.error(`headers: ${error.message}`);
    process.exit(1);
  }
}
