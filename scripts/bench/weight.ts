/**
 * What a visitor downloads: page weight (gzip of the HTML plus the CSS and JavaScript it loads
 * on first view), the size of the Pagefind index, and the bytes a first search fetches in a real
 * browser.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { serve } from '../serve.ts';
import { isTierFolder } from '../../src/lib/search/index-records.ts';

export interface PageWeight {
  /** The site path, e.g. /weaknesses/. */
  path: string;
  /** gzip bytes of the HTML document. */
  html: number;
  /** gzip bytes of its stylesheets. */
  css: number;
  /** gzip bytes of its module scripts and the modules they import statically. */
  js: number;
  total: number;
  /** The HTML before compression, for scale. */
  htmlRaw: number;
}

const gzipBytes = (data: Buffer | string): number => gzipSync(data).length;

function distFile(distDir: string, sitePath: string): string {
  const relative = sitePath.replace(/^\//, '');
  return path.join(distDir, relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative);
}

/** Stylesheets and module scripts the HTML loads on first view (not dynamic imports such as Pagefind). */
function linkedAssets(html: string): { css: string[]; js: string[] } {
  const css = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((match) => match[1]!);
  const js = [...html.matchAll(/<script\b[^>]*src="([^"]+)"/g)].map((match) => match[1]!);
  return { css, js };
}

/** A module and every module it imports statically (`import ... from "./x.js"`, `import "./x.js"`). */
async function moduleGraph(distDir: string, entry: string): Promise<string[]> {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const sitePath = queue.shift()!;
    const code = await readFile(distFile(distDir, sitePath), 'utf8');
    for (const match of code.matchAll(/\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
      const imported = new URL(match[1]!, `http://site${sitePath}`).pathname;
      if (!seen.has(imported)) {
        seen.add(imported);
        queue.push(imported);
      }
    }
  }
  return [...seen];
}

export async function pageWeight(distDir: string, sitePath: string): Promise<PageWeight> {
  const html = await readFile(distFile(distDir, sitePath));
  const assets = linkedAssets(html.toString('utf8'));
  const sum = async (paths: string[]): Promise<number> => {
    let total = 0;
    for (const asset of new Set(paths)) total += gzipBytes(await readFile(distFile(distDir, asset)));
    return total;
  };
  const scripts = (await Promise.all(assets.js.map((entry) => moduleGraph(distDir, entry)))).flat();
  const weight = { path: sitePath, html: gzipBytes(html), css: await sum(assets.css), js: await sum(scripts), htmlRaw: html.length };
  return { ...weight, total: weight.html + weight.css + weight.js };
}

/** The report page of median HTML size: a typical report, neither the shortest summary nor the longest letter. */
export async function medianReportPath(distDir: string): Promise<string> {
  const reportsDir = path.join(distDir, 'reports');
  const slugs = (await readdir(reportsDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const sized = await Promise.all(slugs.map(async (slug) => ({ slug, size: (await stat(path.join(reportsDir, slug, 'index.html'))).size })));
  sized.sort((a, b) => a.size - b.size || a.slug.localeCompare(b.slug));
  const median = sized[Math.floor((sized.length - 1) / 2)];
  if (!median) throw new Error(`bench: no report pages in ${reportsDir}.`);
  return `/reports/${median.slug}/`;
}

/** Pagefind's own UI bundles and its playground are not used by the site, so they are not the index. */
const NOT_INDEX = (relative: string): boolean => /^pagefind-.*ui.*\.(js|css)$/.test(path.basename(relative)) || relative.split(path.sep)[0] === 'playground';

/** The index's bytes on disk, every tier (src/lib/search/index-records.ts tierPath) that was written. */
export async function pagefindIndexBytes(distDir: string): Promise<{ indexBytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const tier of (await readdir(distDir)).filter(isTierFolder)) {
    const root = path.join(distDir, tier);
    for (const relative of await readdir(root, { recursive: true })) {
      const info = await stat(path.join(root, relative));
      if (info.isFile() && !NOT_INDEX(relative)) {
        bytes += info.size;
        files++;
      }
    }
  }
  return { indexBytes: bytes, files };
}

export interface FirstQuery {
  word: string;
  requests: number;
  /** Response bodies of /pagefind/ requests as Chromium received them (scripts/serve.ts does not compress). */
  bytes: number;
  /** The same responses gzipped, as a compressing host would send them (Pagefind's own index files are already gzip). */
  gzipBytes: number;
  results: string;
}

/** A response as received, with its size gzipped as a compressing host would send it (or as is, where gzip would not shrink it). */
export interface ReceivedResponse {
  path: string;
  type: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * Serves the built site, opens a browser context on it, and records every response the context
 * receives (on the context, not a page, so that a worker's requests count too) for which `counts`
 * says yes; `run` drives the page. Bodies Chromium no longer holds are read from the built file.
 * scripts/serve.ts does not compress, so `bytes` is the file's size.
 */
async function measureInBrowser<T>(
  distDir: string,
  contextOptions: BrowserContextOptions,
  counts: (path: string) => boolean,
  run: (page: Page, siteUrl: string) => Promise<T>,
): Promise<{ result: T; responses: ReceivedResponse[] }> {
  const server = await serve({ dir: distDir });
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  try {
    const context = await browser.newContext(contextOptions);
    const received: Array<Promise<ReceivedResponse>> = [];
    context.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (!counts(path)) return;
      const type = response.request().resourceType();
      received.push(
        response
          .body()
          .catch(() => readFile(distFile(distDir, path)))
          .then((body) => ({ path, type, bytes: body.length, gzipBytes: Math.min(body.length, gzipBytes(body)) })),
      );
    });
    const result = await run(await context.newPage(), server.url);
    const responses = await Promise.all(received);
    await context.close();
    return { result, responses };
  } finally {
    await browser.close();
    await server.close();
  }
}

function total(responses: readonly ReceivedResponse[], field: 'bytes' | 'gzipBytes'): number {
  return responses.reduce((sum, response) => sum + response[field], 0);
}

/**
 * Opens /search/ in headless Chromium, types `word`, waits until the list shows that search,
 * and adds up what was fetched from /pagefind/ (the bundle, its WebAssembly, the entry, filter,
 * index and fragment files) from opening the page to the first results.
 */
export async function firstQuery(distDir: string, word: string): Promise<FirstQuery> {
  const { result: results, responses } = await measureInBrowser(distDir, {}, (path) => isTierFolder(path.split('/')[1] ?? ''), async (page, siteUrl) => {
    await page.goto(`${siteUrl}search/`);
    await page.getByLabel('Words or a phrase to search for').fill(word);
    await page.waitForFunction(() => {
      const completed = document.querySelector<HTMLElement>('[data-search]')?.dataset.completed;
      return completed !== undefined && completed !== '' && completed === window.location.search;
    }, undefined, { timeout: 120_000 });
    return (await page.locator('[data-status]').textContent())?.trim() ?? '';
  });
  return { word, requests: responses.length, bytes: total(responses, 'bytes'), gzipBytes: total(responses, 'gzipBytes'), results };
}

export interface PageTransfer {
  path: string;
  /** Every response Chromium received while loading the page, by path. */
  responses: ReceivedResponse[];
  /** Their bodies as received (scripts/serve.ts does not compress). */
  bytes: number;
  /** The same, each gzipped as a compressing host would send it (or as is, where gzip would not shrink it). */
  gzipBytes: number;
}

/**
 * What opening a page fetches in headless Chromium at phone width: the HTML, stylesheets, scripts,
 * images and anything they load, until the network is idle. Unlike `pageWeight` (which reads the
 * files the HTML names), this counts what a browser really asks for, modules a script imports included.
 */
export async function pageTransfer(distDir: string, sitePath: string): Promise<PageTransfer> {
  const { responses } = await measureInBrowser(distDir, { viewport: { width: 390, height: 844 } }, () => true, async (page, siteUrl) => {
    await page.goto(`${siteUrl}${sitePath.replace(/^\//, '')}`, { waitUntil: 'networkidle' });
  });
  return { path: sitePath, responses, bytes: total(responses, 'bytes'), gzipBytes: total(responses, 'gzipBytes') };
}
