import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { anchorProblems, type AnchorManifest } from '../../src/lib/record/anchor-manifest.ts';
import { builtAnchors } from '../../scripts/anchors.ts';
import { repoRoot } from '../helpers/site.ts';

describe('published anchors (content/anchors.json)', () => {
  it('every anchor ever published still exists with the same words, and every built anchor is recorded', async () => {
    const manifest = JSON.parse(await readFile(path.join(repoRoot, 'content/anchors.json'), 'utf8')) as AnchorManifest;
    const built = await builtAnchors(inject('distDir'));
    expect(Object.keys(built).length).toBeGreaterThan(0);
    expect(anchorProblems(manifest, built)).toEqual([]);
  });
});
