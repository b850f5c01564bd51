/**
 * Measures the real reports (content/reports/*.mdx) so that the generated corpus is shaped like
 * them: how many blocks a letter or summary has, which are headings, paragraphs and lists, how
 * long each is, how they are annotated, and the real sentences, headings and frontmatter values
 * to recombine. Only the shapes and the words are taken; the ids and statuses are drawn afresh.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { List, ListItem, Paragraph, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import type { ReportData } from '../../src/lib/record/schema.ts';

export type TextKind = 'full' | 'summary';

/** How a real <Finding> was annotated: counts only, the ids are drawn afresh. */
export interface AnnotationShape {
  themes: number;
  progress: number;
  note: boolean;
}

export type BlockShape =
  | { type: 'heading' }
  | { type: 'paragraph'; words: number; annotation?: AnnotationShape }
  | { type: 'list'; items: number[]; annotation?: AnnotationShape };

export interface Profile {
  /** Blocks per report body (letter head and sign-off aside), by text kind. */
  blockCounts: Record<TextKind, number[]>;
  /** Every body block of every real report, by text kind, to draw from. */
  blocks: Record<TextKind, BlockShape[]>;
  /** Real sentences that are safe to write back as MDX text. */
  sentences: string[];
  headings: string[];
  notes: string[];
  /** Real frontmatter values to recombine. */
  titles: string[];
  headlines: string[];
  inspectors: string[];
  areasCovered: string[];
  judgementAreas: string[];
  sources: ReportData['sources'];
  /** Real reports and paragraphs measured, for the header of the output. */
  reports: number;
  paragraphs: number;
}

const processor = unified().use(remarkParse).use(remarkMdx);

/**
 * Characters that mean something to MDX or Markdown (JSX, expressions, emphasis, links, code,
 * tables, entities). A real sentence containing one is skipped rather than escaped, so that the
 * generated files never fail to parse for a reason that has nothing to do with the site.
 */
const UNSAFE = /[{}<>[\]*_`|#\\&"]/;

export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?:;])\s+(?=[\p{Lu}‘“])/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /^[\p{Lu}‘“]/u.test(sentence) && !UNSAFE.test(sentence) && sentence.split(' ').length >= 3);
}

function wordCount(node: Paragraph | ListItem): number {
  return toString(node).split(/\s+/).filter(Boolean).length;
}

function attributeValue(element: MdxJsxFlowElement, name: string): string | undefined {
  for (const attribute of element.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && attribute.name === name && typeof attribute.value === 'string') {
      return attribute.value;
    }
  }
  return undefined;
}

function countParts(value: string | undefined): number {
  return value === undefined ? 0 : value.split(/[,;]/).filter((part) => part.trim().length > 0).length;
}

function annotationOf(element: MdxJsxFlowElement): AnnotationShape {
  return {
    themes: countParts(attributeValue(element, 'themes')),
    progress: countParts(attributeValue(element, 'progress')),
    note: attributeValue(element, 'note') !== undefined,
  };
}

interface BodyMeasure {
  blocks: BlockShape[];
  texts: string[];
  headings: string[];
  notes: string[];
}

/** The body's blocks in order; <LetterHead> and <SignOff> are skipped (the generator writes its own). */
function measureBody(body: string): BodyMeasure {
  const measure: BodyMeasure = { blocks: [], texts: [], headings: [], notes: [] };
  const visit = (node: RootContent, annotation?: AnnotationShape): void => {
    if (node.type === 'heading') {
      measure.blocks.push({ type: 'heading' });
      measure.headings.push(toString(node));
    } else if (node.type === 'paragraph') {
      measure.blocks.push({ type: 'paragraph', words: wordCount(node), annotation });
      measure.texts.push(toString(node));
    } else if (node.type === 'list') {
      const items = (node as List).children;
      measure.blocks.push({ type: 'list', items: items.map(wordCount), annotation });
      measure.texts.push(...items.map((item) => toString(item)));
    } else if (node.type === 'mdxJsxFlowElement' && node.name === 'Finding') {
      const note = attributeValue(node, 'note');
      if (note !== undefined && !UNSAFE.test(note)) measure.notes.push(note);
      for (const child of node.children) visit(child, annotationOf(node));
    }
  };
  for (const node of processor.parse(body).children) visit(node);
  return measure;
}

function splitFrontmatter(text: string): { data: ReportData; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error('bench: a real report has no frontmatter.');
  return { data: parseYaml(match[1]!) as ReportData, body: match[2]! };
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

export async function measureReports(reportsDir: string): Promise<Profile> {
  const files = (await readdir(reportsDir)).filter((file) => file.endsWith('.mdx')).sort();
  const profile: Profile = {
    blockCounts: { full: [], summary: [] },
    blocks: { full: [], summary: [] },
    sentences: [],
    headings: [],
    notes: [],
    titles: [],
    headlines: [],
    inspectors: [],
    areasCovered: [],
    judgementAreas: [],
    sources: [],
    reports: files.length,
    paragraphs: 0,
  };
  for (const file of files) {
    const { data, body } = splitFrontmatter(await readFile(path.join(reportsDir, file), 'utf8'));
    const measure = measureBody(body);
    profile.blockCounts[data.text].push(measure.blocks.length);
    profile.blocks[data.text].push(...measure.blocks);
    profile.sentences.push(...measure.texts.flatMap(splitSentences));
    profile.headings.push(...measure.headings);
    profile.notes.push(...measure.notes);
    profile.paragraphs += measure.texts.length;
    profile.titles.push(data.title);
    profile.headlines.push(data.headline);
    profile.inspectors.push(...(data.inspectors ?? []));
    profile.areasCovered.push(...(data.areasCovered ?? []));
    profile.judgementAreas.push(...(data.judgements ?? []).map((judgement) => judgement.area));
    profile.sources.push(...data.sources);
  }
  for (const kind of ['full', 'summary'] as const) {
    if (profile.blockCounts[kind].length === 0) throw new Error(`bench: no real report with text: ${kind} to measure.`);
  }
  return {
    ...profile,
    headings: unique(profile.headings).filter((heading) => !UNSAFE.test(heading)),
    inspectors: unique(profile.inspectors),
    areasCovered: unique(profile.areasCovered),
    judgementAreas: unique(profile.judgementAreas),
    sources: unique(profile.sources.map((source) => JSON.stringify(source))).map((json) => JSON.parse(json) as ReportData['sources'][number]),
  };
}
