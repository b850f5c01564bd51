/**
 * The seed letter (as extracted from Ofsted's PDF) against the hand-made reference report:
 * the reference is the truth for the words and for the facts the importer can find.
 *
 * The seed lives in the shared folder beside the checkout (../shared/seeds, as in CI), never in
 * the repository. This file is about that one document, so where the folder is absent there is
 * nothing to compare and its tests are not registered; the importer's behaviour on letters the
 * project owns is tested in fixtures.test.ts and cli.test.ts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { mdxBlocks, stripFrontmatter } from '../../../src/lib/importer/blocks.ts';
import { importLetter } from '../../../src/lib/importer/index.ts';
import { sharedFile } from '../../helpers/shared.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const seedPath = sharedFile('seeds/2025-06-monitoring-visit-7.txt');
const referencePath = path.join(repoRoot, 'content/reports/2025-06-monitoring-visit-7.mdx');

describe.runIf(seedPath !== undefined)('importing the seed letter', () => {
  let reference: string;
  let result: ReturnType<typeof importLetter>;
  let referenceFrontmatter: Record<string, unknown>;

  beforeAll(async () => {
    const seed = await readFile(seedPath!, 'utf8');
    reference = await readFile(referencePath, 'utf8');
    result = importLetter(seed, { fileName: 'seeds/2025-06-monitoring-visit-7.txt' });
    referenceFrontmatter = parse(/^---\n([\s\S]*?)\n---\n/.exec(reference)![1]!) as Record<string, unknown>;
  });

  it('gives the reference slug', () => {
    expect(result.slug).toBe('2025-06-monitoring-visit-7');
  });

  it('writes the same text blocks as the reference, in order (ignoring its annotations)', () => {
    const imported = mdxBlocks(stripFrontmatter(result.mdx));
    const expected = mdxBlocks(stripFrontmatter(reference));
    expect(expected.length).toBeGreaterThan(20);
    expect(imported).toEqual(expected);
  });

  it('finds the frontmatter facts the reference records', () => {
    for (const key of ['title', 'kind', 'visitNumber', 'authority', 'visitStart', 'visitEnd', 'letterDate', 'inspectors', 'areasCovered', 'followsUp', 'text']) {
      expect.soft(result.frontmatter[key as keyof typeof result.frontmatter], key).toEqual(referenceFrontmatter[key]);
    }
    // The first source is the reference's first, an address an editor replaces with the letter's own.
    expect(result.frontmatter.sources[0]).toEqual((referenceFrontmatter.sources as unknown[])[0]);
  });

  it('leaves the editorial fields to an editor, with a placeholder headline', () => {
    expect(result.missing).toEqual(['headline', 'sources']);
    expect(result.mdx).toContain('headline: "TODO: one-line headline in plain English"\n');
  });

  it('repairs the misread postcode and nothing else in the letter head', () => {
    expect(result.mdx).toContain('Hereford\\\nHR4 0LE\n');
    expect(result.mdx).not.toContain('HR4 OLE');
  });

  it('writes the reference file byte for byte, apart from its annotations, headline and extra source', () => {
    // The reference with its <Finding> wrappers, headline and second source taken out.
    const stripped = reference
      .replace(/<Finding[^>]*>\n\n/g, '')
      .replace(/<\/Finding>\n\n/g, '')
      .replace(/^headline: .*$/m, 'headline: "TODO: one-line headline in plain English"')
      .replace(/  - title: "Herefordshire Council news[^\n]*\n    url: [^\n]*\n/, '');
    expect(result.mdx).toBe(stripped);
  });
});
