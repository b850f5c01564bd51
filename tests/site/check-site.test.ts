/**
 * `npm run check-site` (scripts/check-site.ts): the site checks as a command, over HTTP, against
 * any address. It passes on the test build (served here, given by --url), and fails on the
 * deliberately broken copy (tests/fixtures/broken-site/, by --dir), naming each problem.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import { repoRoot } from '../helpers/site.ts';

function checkSite(...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/check-site.ts', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

let server: RunningServer;

beforeAll(async () => {
  server = await serve({ dir: inject('distDir') });
});

afterAll(async () => {
  await server?.close();
});

describe('npm run check-site', () => {
  it('passes on the build served at an address, with every sitemap page and the security headers, warning that the build was made for another address', async () => {
    const { code, output } = await checkSite('--url', server.url);
    expect(output).toMatch(/^check-site: \d+ pages checked at http:\/\/127\.0\.0\.1:\d+\/: 0 errors, 1 warning \(address 1\)\. PASSED$/m);
    // The one warning is true: the test build was made for another address than this server's.
    expect(output).toMatch(/^WARNING \[address\] \/sitemap-0\.xml: the site was built for https?:\/\/[^ ]+ but is served at http:\/\/127\.0\.0\.1:\d+\/, so its canonical links, sitemap, feeds and citations name the other address\. Fix: build with SITE_URL=/m);
    expect(Number(/(\d+) pages checked/.exec(output)?.[1])).toBeGreaterThan(50);
    expect(code).toBe(0);
  }, 180_000);

  it('judges links by the address it is given: the root build served under /inspections/ links outside it', async () => {
    const under = await serve({ dir: inject('distDir'), base: '/inspections/' });
    try {
      const { code, output } = await checkSite('--url', `${under.url}`);
      expect(output).toMatch(/^ERROR \[links\] \/inspections\/404\.html: link to \/search\/: outside the site’s base \/inspections\/\. Fix: build the site with BASE_PATH=\/inspections\//m);
      expect(code).toBe(1);
    } finally {
      await under.close();
    }
  }, 180_000);

  it('fails on the broken copy, one line per problem naming the page, what and the fix', async () => {
    const { code, output } = await checkSite('--dir', path.join(repoRoot, 'tests/fixtures/broken-site'));
    expect(code).toBe(1);
    expect(output).toContain('ERROR [links] /: link to /missing/: no such page or file. Fix: ');
    expect(output).toContain('ERROR [links] /: link to /second/#nowhere: no element with id "nowhere" on that page. Fix: ');
    expect(output).toContain('ERROR [page rules] /: has 2 h1 elements; a page needs exactly one. Fix: ');
    expect(output).toContain('ERROR [page rules] /second/: has the same title as /: “Broken”. Fix: ');
    expect(output).toMatch(/^ERROR \[html\] \/: \d+:\d+ no-dup-id: /m);
    expect(output).toContain('ERROR [pages] /404.html: answered 404. Fix: ');
    // The fixture has no _headers, so the server sends none: a warning that says why, not a failure of its own.
    expect(output).toMatch(/^WARNING \[headers\] every page \(2\): security headers not sent: Content-Security-Policy, X-Content-Type-Options, Referrer-Policy, Permissions-Policy\. Fix: .*GitHub Pages cannot set headers/m);
    expect(output).toMatch(/^check-site: 2 pages checked at .*: 15 errors, 1 warning .*FAILED$/m);
  }, 120_000);

  it('makes missing headers a failure when asked to, and says how to use it when given neither --url nor --dir', async () => {
    const strict = await checkSite('--dir', path.join(repoRoot, 'tests/fixtures/broken-site'), '--require-headers');
    expect(strict.output).toMatch(/^ERROR \[headers\] every page \(2\): security headers not sent/m);
    const usage = await checkSite();
    expect(usage.code).toBe(2);
    expect(usage.output).toContain('give one of --url (a served copy) or --dir (a built folder)');
  }, 120_000);
});
