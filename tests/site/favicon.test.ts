/**
 * The site's icon: every built page links the SVG and the ICO (base-aware), both files are in the
 * build and served with the right content type, the ICO is a real icon file holding 16 and 32 px
 * images, and the browser loads both under the site's Content-Security-Policy.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { describe, expect, inject, it } from 'vitest';
import { htmlFiles } from '../../scripts/checks/links.ts';
import { servedSite } from '../helpers/served-site.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const site = servedSite();

describe('the site icon', () => {
  it('is linked from every built page, the SVG and the 32 px ICO', async () => {
    const files = await htmlFiles(inject('distDir'));
    // The pages in the sitemap, the 404 page and the paragraphs' preview pages.
    expect(files.length).toBeGreaterThan(600);
    const missing: string[] = [];
    for (const file of files) {
      const icons = selectAll('head link[rel~="icon"]', fromHtml(await readFile(file, 'utf8'))).map((link) => `${String(link.properties.href)} ${String(link.properties.type ?? '')}${String(link.properties.sizes ?? '')}`);
      if (!icons.includes('/favicon.svg image/svg+xml') || !icons.includes('/favicon.ico 32x32')) missing.push(`${path.relative(inject('distDir'), file)}: ${icons.join(', ') || 'no icon'}`);
    }
    expect(missing).toEqual([]);
  });

  it('is served: the SVG as image/svg+xml, the ICO as image/x-icon', async () => {
    const svg = await fetch(`${site.url}favicon.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 32 32"/);
    const ico = await fetch(`${site.url}favicon.ico`);
    expect(ico.status).toBe(200);
    expect(ico.headers.get('content-type')).toBe('image/x-icon');
  });

  it('has an ICO that parses: the icon header, and a 16 and a 32 px PNG in its directory', async () => {
    const ico = await readFile(path.join(inject('distDir'), 'favicon.ico'));
    expect([...ico.subarray(0, 4)]).toEqual([0x00, 0x00, 0x01, 0x00]);
    const count = ico.readUInt16LE(4);
    expect(count).toBeGreaterThanOrEqual(2);
    const sizes: number[] = [];
    for (let index = 0; index < count; index++) {
      const entry = 6 + 16 * index;
      const size = ico.readUInt8(entry) || 256;
      expect(ico.readUInt8(entry + 1) || 256, 'square').toBe(size);
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const png = ico.subarray(offset, offset + length);
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE), `image ${index} is a PNG`).toBe(true);
      // The PNG's own IHDR says the same size as the directory.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      sizes.push(size);
    }
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 32]);
  });

  it('loads in the browser under the site’s Content-Security-Policy, at the size it is drawn', async () => {
    const page = await site.browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(site.url);
    const loaded = await page.evaluate(() =>
      Promise.all(
        [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]')].map(async (link) => {
          const image = new Image();
          image.src = link.href;
          await image.decode();
          return `${new URL(link.href).pathname} ${image.naturalWidth}x${image.naturalHeight}`;
        }),
      ),
    );
    // The ICO's largest image is 32 px; the SVG says 32 px.
    expect(loaded.sort()).toEqual(['/favicon.ico 32x32', '/favicon.svg 32x32']);
    expect(violations).toEqual([]);
    await page.close();
  });
});
