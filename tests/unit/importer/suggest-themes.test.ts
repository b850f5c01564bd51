import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importLetter } from '../../../src/lib/importer/index.ts';
import { parseParagraphs } from '../../../src/lib/record/paragraphs.ts';
import { suggestThemes } from '../../../src/lib/importer/suggest-themes.ts';
import { parseYamlList } from '../../../src/lib/utils/yaml-list.ts';
import { themeSchema } from '../../../src/lib/record/schema.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const themes = parseYamlList(await readFile(path.join(repoRoot, 'content/themes.yaml'), 'utf8'), 'content/themes.yaml', themeSchema).items;

describe('suggestThemes', () => {
  it('suggests themes whose keywords start a word, in the taxonomy’s order, at most four', () => {
    const keywords = [
      { id: 'education', keywords: ['school', 'PEP'] },
      { id: 'health', keywords: ['health'] },
      { id: 'workforce', keywords: ['caseload'] },
    ];
    expect(suggestThemes('Caseloads are lower; schools and health partners help.', keywords)).toEqual(['education', 'health', 'workforce']);
    expect(suggestThemes('PEPs are timely.', keywords)).toEqual(['education']);
    expect(suggestThemes('The shipping of peppers', keywords)).toEqual([]);
    expect(suggestThemes('x', [1, 2, 3, 4, 5].map((n) => ({ id: `t${n}`, keywords: ['x'] })))).toHaveLength(4);
  });
});

describe('the importer’s suggestions', () => {
  it('wrap every paragraph and list of an imported letter in <Finding ... suggested>, the form the build reads', async () => {
    // A letter the project owns (not the shared seed), so the test runs wherever the checkout is.
    const letter = await readFile(path.join(repoRoot, 'tests/fixtures/letters/focused-visit-2019.txt'), 'utf8');
    const { mdx } = importLetter(letter, { fileName: 'focused-visit-2019.txt', themes });
    const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
    const { paragraphs, problems } = parseParagraphs(body, { file: 'imported.mdx' });
    expect(problems).toEqual([]);
    expect(paragraphs).toHaveLength(10);
    // Every paragraph is flagged for review, even one no keyword matched (it gets no themes).
    expect(paragraphs.every((paragraph) => paragraph.suggested)).toBe(true);
    expect(paragraphs[0]?.themes).toEqual([]);
    const oversight = paragraphs.find((paragraph) => paragraph.text.startsWith('Management oversight is regular'))!;
    expect(oversight.themes).toEqual(['planning', 'management-oversight', 'workforce']);
    const ids = new Set(themes.map((theme) => theme.id));
    for (const paragraph of paragraphs) for (const theme of paragraph.themes) expect(ids.has(theme)).toBe(true);
  });
});
