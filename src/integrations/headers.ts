/**
 * Writes /_headers at the end of the build, for static hosts that read one (Netlify, Cloudflare
 * Pages): the same Content-Security-Policy as the pages' <meta> tag (src/lib/security.ts), plus
 * what only a header can say. Generated, so the two never drift apart.
 */
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { CSP_HEADER } from '../lib/security.ts';

export function headersFile(): string {
  return [
    '/*',
    `  Content-Security-Policy: ${CSP_HEADER}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=()',
    '',
  ].join('\n');
}

export default function securityHeaders(): AstroIntegration {
  return {
    name: 'herefordshire:headers',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await writeFile(new URL('_headers', dir), headersFile());
      },
    },
  };
}

