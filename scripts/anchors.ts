/**
 * Records every published paragraph anchor in content/anchors.json (see src/lib/record/anchor-manifest.ts).
 *
 * Usage: npm run anchors   (builds the site, then rewrites the manifest from dist/)
 *
 * Run it when a new report is added. Changing an existing entry breaks a published link: do it
 * only for an intentional correction, and give the reason in the commit message.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { anchorsInPage, manifestEntry, type AnchorManifest } from '../src/lib/record/anchor-manifest.ts';
import { writeAtomically } from './cli-io.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const manifestPath = path.join(repoRoot, 'content/anchors.json');

async function folders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * Every built report page's anchors, by manifest key (src/lib/record/anchor-manifest.ts,
 * manifestPagePath): Herefordshire's reports by slug, the statistical neighbours' as
 * `neighbours/<council>/<slug>`.
 */
export async function builtAnchors(distDir: string): Promise<Record<string, ReturnType<typeof anchorsInPage>>> {
  const result: Record<string, ReturnType<typeof anchorsInPage>> = {};
  const reportsDir = path.join(distDir, 'reports');
  for (const slug of await folders(reportsDir)) {
    result[slug] = anchorsInPage(await readFile(path.join(reportsDir, slug, 'index.html'), 'utf8'));
  }
  const neighboursDir = path.join(distDir, 'neighbours');
  for (const council of await folders(neighboursDir)) {
    for (const slug of await folders(path.join(neighboursDir, council))) {
      result[`neighbours/${council}/${slug}`] = anchorsInPage(await readFile(path.join(neighboursDir, council, slug, 'index.html'), 'utf8'));
    }
  }
  return result;
}

async function main(): Promise<void> {
  const distDir = path.resolve(parseArgs({ allowPositionals: true, options: {} }).positionals[0] ?? path.join(repoRoot, 'dist'));
  const built = await builtAnchors(distDir);
  const manifest: AnchorManifest = {};
  for (const [slug, anchors] of Object.entries(built)) manifest[slug] = manifestEntry(anchors);
  await writeAtomically(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const count = Object.values(manifest).reduce((sum, entry) => sum + Object.keys(entry).length, 0);
  console.log(`anchors: recorded ${count} anchors in ${Object.keys(manifest).length} reports in content/anchors.json`);
}

if (import.meta.main) await main();
