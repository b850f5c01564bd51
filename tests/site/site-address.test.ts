/**
 * The site's public address comes from one setting (SITE_URL, src/lib/site/address.ts): every
 * absolute URL the build writes, in every file of dist/ (pages, preview pages, feeds, sitemaps,
 * open data, the headers file), is under it or points at a source the content names; no
 * placeholder host and no local address is left anywhere. And a production build without the
 * setting is refused before anything is built, with a message that says how to set it.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { headersFile } from '../../src/integrations/headers.ts';
import { contentHosts, scanBuiltUrls } from '../helpers/absolute-urls.ts';
import { repoRoot } from '../helpers/site.ts';
import { TEST_SITE_URL } from './global-setup.ts';

const dist = () => inject('distDir');

describe('every absolute URL in the build', () => {
  it('is under SITE_URL, or points at a source the content links to', async () => {
    const scan = await scanBuiltUrls(dist(), TEST_SITE_URL, await contentHosts(path.join(repoRoot, 'content')));
    expect(scan.problems).toEqual([]);
    // Every page's canonical link at least, and every paragraph's in the open data.
    expect(scan.own).toBeGreaterThan(1000);
  });

  it('reads every kind of file the build writes, and none names a placeholder or local host', async () => {
    const entries = await readdir(dist(), { recursive: true, withFileTypes: true });
    const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
    const kinds = new Set(files.map((file) => (path.basename(file) === '_headers' ? '_headers' : path.extname(file))));
    for (const kind of ['.html', '.xml', '.json', '.csv', '_headers']) expect(kinds).toContain(kind);
    const offenders: string[] = [];
    for (const file of files) {
      if (!/\.(html|xml|json|txt|csv|js|css|svg|webmanifest)$|_headers$/.test(file)) continue;
      const text = await readFile(file, 'utf8');
      for (const host of ['herefordshire-inspections.example', 'localhost', '127.0.0.1']) {
        if (text.includes(host)) offenders.push(`${path.relative(dist(), file)}: ${host}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('gives the same address in a page, its preview page, the feeds, the sitemap and the open data', async () => {
    const read = (file: string) => readFile(path.join(dist(), file), 'utf8');
    const report = `${TEST_SITE_URL}reports/2025-06-monitoring-visit-7/`;
    expect(await read('reports/2025-06-monitoring-visit-7/index.html')).toContain(`<link rel="canonical" href="${report}">`);
    expect(await read('r/2025-06-monitoring-visit-7/p12/index.html')).toContain(`<meta property="og:url" content="${TEST_SITE_URL}r/2025-06-monitoring-visit-7/p12/">`);
    expect(await read('feed.xml')).toContain(report);
    expect(await read('sitemap-0.xml')).toContain(`<loc>${report}</loc>`);
    expect(await read('data/paragraphs/2025-06-monitoring-visit-7.json')).toContain(`"${report}#p12"`);
    expect(await read('briefing/index.html')).toContain(`data-site-url="${TEST_SITE_URL}"`);
  });
});

describe('the headers file', () => {
  it('is the one list of headers (README: the same list as the nginx snippet)', async () => {
    expect(await readFile(path.join(dist(), '_headers'), 'utf8')).toBe(headersFile());
  });
});

/** Runs `node <args>` in the repository with SITE_URL and BASE_PATH taken out of its environment. */
function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !['SITE_URL', 'BASE_PATH', 'BASE_URL', 'MODE', 'NODE_ENV'].includes(key)));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('a production build without the site’s address', () => {
  let workDir: string;
  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'herefordshire-address-'));
  });
  afterAll(() => rm(workDir, { recursive: true, force: true }));

  const exists = (file: string) => stat(file).then(() => true, () => false);

  it('is refused before anything is built, with the setting, how to set it and where the README says more', async () => {
    const outDir = path.join(workDir, 'dist');
    const { code, output } = await run(['scripts/build.ts', '--outDir', outDir]);
    expect(code).toBe(1);
    expect(output).toContain('SITE_URL is not set');
    expect(output).toContain('SITE_URL=https://inspections.example.gov.uk npm run build');
    expect(output).toContain('npm start');
    expect(output).toContain('"Publishing the site"');
    expect(await exists(outDir)).toBe(false);
  });

  it('is refused with a fix when SITE_URL is not an absolute http(s) address', async () => {
    const outDir = path.join(workDir, 'dist-bad');
    const { code, output } = await run(['scripts/build.ts', '--outDir', outDir], { SITE_URL: 'inspections.example.gov.uk' });
    expect(code).toBe(1);
    expect(output).toContain('SITE_URL "inspections.example.gov.uk" is not an absolute address. Fix:');
    expect(await exists(outDir)).toBe(false);
  });

  it('is refused by a bare `astro build` too', async () => {
    const outDir = path.join(workDir, 'dist-astro');
    const { code, output } = await run(['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir]);
    expect(code).not.toBe(0);
    expect(output).toContain('SITE_URL is not set');
    expect(await exists(path.join(outDir, 'index.html'))).toBe(false);
  }, 120_000);
});
