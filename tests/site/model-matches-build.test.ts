/**
 * The model numbers paragraphs from the MDX source (src/lib/paragraphs.ts); the built page gets
 * its anchors from the rehype plugin. Every report's two numberings must agree word for word,
 * or a matrix link would land on the wrong paragraph.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorsInPage } from '../../src/lib/anchors.ts';
import { parseParagraphs } from '../../src/lib/paragraphs.ts';
import { builtPage, repoRoot } from '../helpers/site.ts';

const reportsDir = path.join(repoRoot, 'content/reports');
const files = (await readdir(reportsDir)).filter((name) => name.endsWith('.mdx')).sort();

describe('paragraph numbering: model and built page agree', () => {
  it.each(files)('%s', async (name) => {
    const source = await readFile(path.join(reportsDir, name), 'utf8');
    const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
    const { paragraphs, problems } = parseParagraphs(body, { file: name });
    expect(problems).toEqual([]);
    const { html } = await builtPage(`/reports/${name.replace(/\.mdx$/, '')}/`);
    expect(paragraphs.map((p) => ({ id: `p${p.number}`, text: p.text }))).toEqual(anchorsInPage(html));
  });
});
