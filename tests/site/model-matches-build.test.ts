/**
 * The record numbers paragraphs from the MDX compile's tree (src/plugins/mdast-collect-paragraphs.ts);
 * the built page gets its anchors from the hast plugin (src/plugins/hast-paragraph-anchors.ts); the importer and the tests read text
 * with parseParagraphs. For every report all three must agree word for word, or a matrix link
 * would land on the wrong paragraph.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { anchorsInPage } from '../../src/lib/record/anchor-manifest.ts';
import type { FindingRecord } from '../../src/lib/publish/findings.ts';
import { numberingMode } from '../../src/lib/record/paragraph-numbering.ts';
import { parseParagraphs } from '../../src/lib/record/paragraphs.ts';
import { parse } from 'yaml';
import { builtPage, repoRoot } from '../helpers/site.ts';

const reportsDir = path.join(repoRoot, 'content/reports');
const files = (await readdir(reportsDir)).filter((name) => name.endsWith('.mdx')).sort();

describe('paragraph numbering: model and built page agree', () => {
  it.each(files)('%s', async (name) => {
    const source = await readFile(path.join(reportsDir, name), 'utf8');
    const [, frontmatter = '', body = source] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
    const mode = numberingMode((parse(frontmatter) as { paragraphNumbers?: unknown } | null)?.paragraphNumbers);
    const { paragraphs, problems } = parseParagraphs(body, { file: name, mode });
    expect(problems).toEqual([]);
    const slug = name.replace(/\.mdx$/, '');
    const { html } = await builtPage(`/reports/${slug}/`);
    const anchors = anchorsInPage(html);
    expect(paragraphs.map((p) => ({ id: p.id, text: p.text }))).toEqual(anchors);
    const record = (JSON.parse(await readFile(path.join(inject('distDir'), 'data/findings.json'), 'utf8')) as FindingRecord[]).filter((finding) => finding.report === slug);
    expect(record.map((finding) => ({ id: finding.anchor, text: finding.words }))).toEqual(anchors);
  });
});
