/**
 * Holds a bare `astro build` to the same rule as npm run build (scripts/build.ts): no SITE_URL,
 * no build (src/lib/site/address.ts). `astro dev` without one is given the dev server's own
 * address, so its canonical links, feeds and citations point at the pages it serves.
 */
import type { AstroIntegration } from 'astro';
import { MISSING_SITE_URL } from '../lib/site/address.ts';

export default function siteAddressCheck(): AstroIntegration {
  return {
    name: 'herefordshire:site-address',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (config.site) return;
        if (command === 'build') throw new Error(MISSING_SITE_URL);
        if (command === 'dev') updateConfig({ site: `http://localhost:${config.server.port}` });
      },
    },
  };
}
