/**
 * Makes public/favicon.ico from public/favicon.svg, so the icon can be re-made when the SVG
 * changes: the SVG is drawn by headless Chromium at 16 and 32 px, and the two PNGs are packed
 * into one ICO file (an ICO may hold PNG images; every browser that still asks for
 * /favicon.ico reads them). Pages link both (src/layouts/Base.astro).
 *
 * Usage: node scripts/favicon.ts
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser } from '../tests/helpers/browser.ts';

const root = path.resolve(import.meta.dirname, '..');
const SVG = path.join(root, 'public/favicon.svg');
const ICO = path.join(root, 'public/favicon.ico');
export const ICON_SIZES = [16, 32] as const;

/**
 * An ICO file holding PNG images: a 6-byte header (reserved 0, type 1 = icon, image count), a
 * 16-byte directory entry per image (width, height, colours, reserved, planes, bits per pixel,
 * byte length, offset; all little-endian), then the PNGs themselves.
 */
export function icoFile(images: ReadonlyArray<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    if (size < 1 || size > 256) throw new Error(`An ICO image is 1 to 256 px square, not ${size}.`);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size === 256 ? 0 : size, 0);
    entry.writeUInt8(size === 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
}

/** The SVG drawn at `size` px square on a transparent background, as a PNG. */
async function renderPng(svg: string, sizes: readonly number[]): Promise<Array<{ size: number; png: Buffer }>> {
  const browser = await launchBrowser();
  try {
    const images = [];
    for (const size of sizes) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:transparent"><img src="${source}" width="${size}" height="${size}" style="display:block" alt=""></body></html>`);
      await page.locator('img').evaluate((image: HTMLImageElement) => image.decode());
      images.push({ size, png: await page.screenshot({ omitBackground: true, type: 'png' }) });
      await page.close();
    }
    return images;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const svg = await readFile(SVG, 'utf8');
  const ico = icoFile(await renderPng(svg, ICON_SIZES));
  await writeFile(ICO, ico);
  console.log(`favicon: wrote public/favicon.ico (${ICON_SIZES.map((size) => `${size}x${size}`).join(', ')}; ${ico.length} bytes) from public/favicon.svg`);
}

if (import.meta.main) await main();
