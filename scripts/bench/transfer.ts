/**
 * Prints what a page transfers when opened in headless Chromium, compressed as a host that
 * gzips would send it: `node scripts/bench/transfer.ts [--dir dist] [/path ...]` (default: the
 * home page of dist/). Build first (`npm run build`). The home page's budget is 50 KB (issue 17).
 */
import { parseArgs } from 'node:util';
import { pageTransfer } from './weight.ts';

const { values, positionals } = parseArgs({ options: { dir: { type: 'string', default: 'dist' } }, allowPositionals: true });
const paths = positionals.length > 0 ? positionals : ['/'];
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
for (const sitePath of paths) {
  const transfer = await pageTransfer(values.dir, sitePath);
  console.log(`${sitePath}: ${kb(transfer.gzipBytes)} transferred gzipped (${kb(transfer.bytes)} uncompressed), ${transfer.responses.length} requests`);
  for (const response of transfer.responses) console.log(`  ${response.type.padEnd(10)} ${kb(response.gzipBytes).padStart(9)}  ${response.path}`);
}
