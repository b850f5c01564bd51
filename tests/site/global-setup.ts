/**
 * Builds the site once per test run into a temporary folder, so the site tests read real
 * output and never the developer's own dist/. The folder is removed afterwards.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

const repoRoot = path.resolve(import.meta.dirname, '../..');

// Vitest sets these for its own Vite; the child build must not inherit them (BASE_URL
// would override the site's base, NODE_ENV=test and MODE=test its production build).
const VITEST_ENV = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID'];

/**
 * The public address every test build is made for (SITE_URL, src/lib/site/address.ts): a host of
 * its own, so that a test can tell the site's own absolute URLs from any other host's.
 */
export const TEST_SITE_URL = 'https://inspections.test.example/';

/** Builds the site into `outDir` for TEST_SITE_URL, unless `env` gives another SITE_URL. */
export function buildSite(outDir: string, env: Record<string, string> = {}): Promise<void> {
  const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITEST_ENV.includes(key) && key !== 'SITE_URL' && key !== 'BASE_PATH'));
  return new Promise((resolve, reject) => {
    // process.execPath is the project's pinned Node, whichever way the tests were started.
    // The same build as npm run build: astro build, then the search index.
    const child = spawn(process.execPath, ['scripts/build.ts', '--outDir', outDir], {
      cwd: repoRoot,
      env: { ...cleanEnv, SITE_URL: TEST_SITE_URL, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`the build failed (exit ${code}):\n${output}`));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const distDir = await mkdtemp(path.join(tmpdir(), 'herefordshire-site-'));
  await buildSite(distDir);
  project.provide('distDir', distDir);
  return () => rm(distDir, { recursive: true, force: true });
}
