/**
 * The test build served over HTTP with one headless Chromium, for a browser test file: call it at
 * the top of the file (or of a describe block) and it opens both before the tests and closes
 * them after. Screenshots go to test-results/, for a person to look at.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import { launchBrowser } from './browser.ts';
import { repoRoot } from './site.ts';

export const SCREENSHOTS = path.join(repoRoot, 'test-results');

export interface ServedSite {
  /** The server's address, ending in "/": http://127.0.0.1:<port>/ */
  readonly url: string;
  readonly browser: Browser;
  readonly server: RunningServer;
}

export function servedSite(): ServedSite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serve({ dir: inject('distDir') });
    browser = await launchBrowser();
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const opened = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`servedSite: the ${what} is opened in beforeAll; use it inside a test or hook.`);
    return value;
  };
  return {
    get url() {
      return opened(server, 'server').url;
    },
    get browser() {
      return opened(browser, 'browser');
    },
    get server() {
      return opened(server, 'server');
    },
  };
}
