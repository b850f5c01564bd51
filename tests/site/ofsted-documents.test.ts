/**
 * The reports published from Ofsted's own documents say what Ofsted printed, where Ofsted printed it.
 *
 * - In a report that numbers its own paragraphs, anchor #pN holds Ofsted's paragraph N (its words
 *   start "N. "), and the numbers run 1, 2, 3, ... with none missing: council papers cite these
 *   numbers, so the site's "paragraph 6" must be Ofsted's.
 * Herefordshire's reports and the statistical neighbours' alike.
 * - Where the official text is beside the checkout (../shared/sources/letters/ and
 *   ../shared/sources/neighbours/, as in CI), each
 *   paragraph N starts with the words the document prints after "N.", and every word of every
 *   published paragraph appears in the document, in the same order: nothing added, nothing moved.
 *   Without that folder those two checks have nothing to compare with and are not registered.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { builtAnchors } from '../../scripts/anchors.ts';
import { parseParagraphId } from '../../src/lib/record/paragraph-numbering.ts';
import { sharedFile } from '../helpers/shared.ts';
import { builtPage, repoRoot } from '../helpers/site.ts';

interface Frontmatter {
  text: 'full' | 'summary';
  paragraphNumbers?: 'ofsted';
  sources: Array<{ url?: string }>;
}

/**
 * A published document's page: Herefordshire's at /reports/<slug>/, a statistical neighbour's at
 * /neighbours/<council>/<slug>/ (`key` is its anchor manifest key, `slug` for Herefordshire's, and
 * `neighbours/<council>/<slug>`).
 */
interface Published {
  key: string;
  page: string;
  frontmatter: Frontmatter;
  /** How many footnotes the report file gives (`<Footnote>`), which the page prints after the text. */
  footnotes: number;
}

async function fullTextReports(): Promise<Published[]> {
  const folder = path.join(repoRoot, 'content/reports');
  const files = (await readdir(folder)).filter((file) => file.endsWith('.mdx')).sort();
  const reports = await Promise.all(
    files.map(async (file) => {
      const slug = file.replace(/\.mdx$/, '');
      return { key: slug, page: `/reports/${slug}/`, ...fromSource(await readFile(path.join(folder, file), 'utf8')) };
    }),
  );
  return reports.filter((report) => report.frontmatter.text === 'full');
}

async function neighbourReports(): Promise<Published[]> {
  const folder = path.join(repoRoot, 'content/neighbours');
  const reports: Published[] = [];
  for (const council of (await readdir(folder)).sort()) {
    for (const file of (await readdir(path.join(folder, council))).sort()) {
      const id = `${council}/${file.replace(/\.mdx$/, '')}`;
      reports.push({ key: `neighbours/${id}`, page: `/neighbours/${id}/`, ...fromSource(await readFile(path.join(folder, council, file), 'utf8')) });
    }
  }
  return reports;
}

function fromSource(source: string): Pick<Published, 'frontmatter' | 'footnotes'> {
  const frontmatter = parseYaml(source.split('\n---\n')[0]!.replace(/^---\n/, '')) as Frontmatter;
  return { frontmatter, footnotes: (source.match(/<Footnote\b/g) ?? []).length };
}

/** The neighbours' documents beside the checkout, by official address (their folder's index.csv), where they are there. */
async function neighbourDocuments(): Promise<Map<string, string>> {
  const index = sharedFile('sources', 'neighbours', 'index.csv');
  if (index === undefined) return new Map();
  const rows = (await readFile(index, 'utf8')).trim().split('\n').slice(1).map((line) => line.split(','));
  return new Map(rows.map(([file = '', , , , url = '']) => [url, sharedFile('sources', 'neighbours', file.replace(/\.pdf$/, '.txt'))!]));
}

/**
 * Words for comparison: lower case, letters and digits only, so punctuation and quote styles do
 * not matter; hyphens and dashes split words, so that a word the document hyphenates across a
 * line or a page break ("over-" ... "optimistic") compares with the page's "over-optimistic".
 */
function words(text: string): string[] {
  return text
    .replace(/\u00ad/g, '')
    .split(/[\s\-\u2010-\u2015]+/)
    .map((word) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((word) => word !== '');
}

/** A document word stands for a page word when they are equal, or the document glues a footnote mark to it ("schools3"). */
function sameWord(documentWord: string, word: string): boolean {
  return documentWord === word || (documentWord.startsWith(word) && /^\d+$/.test(documentWord.slice(word.length)));
}

/** Where `paragraph` occurs in `document` as a subsequence starting at `from`: the index after it, or -1. */
function findInOrder(paragraph: string[], document: string[], from: number): number {
  let at = from;
  for (const word of paragraph) {
    while (at < document.length && !sameWord(document[at]!, word)) at += 1;
    if (at === document.length) return -1;
    at += 1;
  }
  return at;
}

const reports = await fullTextReports();
const neighbours = await neighbourReports();
const numbered = [...reports, ...neighbours].filter((report) => report.frontmatter.paragraphNumbers === 'ofsted');

describe('reports that number their own paragraphs', () => {
  it('there are some to check', () => {
    expect(numbered.map((report) => report.key)).toEqual(
      expect.arrayContaining(['2014-04-inspection', '2018-06-inspection', '2022-07-inspection', '2025-11-inspection', 'neighbours/lancashire/2026-05-inspection']),
    );
  });

  it.each(numbered.map((report) => report.key))('%s: #pN is Ofsted’s paragraph N, and the numbers run from 1 with no gap', async (slug) => {
    const anchors = (await builtAnchors(inject('distDir')))[slug]!;
    const numbers: number[] = [];
    for (const anchor of anchors) {
      const ref = parseParagraphId(anchor.id);
      if (ref?.kind !== 'paragraph') continue;
      expect(anchor.text.startsWith(`${ref.number}. `), `${slug}#${anchor.id} starts "${anchor.text.slice(0, 40)}"`).toBe(true);
      numbers.push(ref.number);
    }
    expect(numbers.length).toBeGreaterThan(30);
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
  });
});

const documents = await neighbourDocuments();
const held = [
  ...reports.map((report) => ({ ...report, document: sharedFile('sources', 'letters', `${report.key}.txt`) })),
  ...neighbours.map((report) => ({ ...report, document: documents.get(report.frontmatter.sources[0]?.url ?? '') })),
].filter((report): report is Published & { document: string } => report.document !== undefined);
const heldNumbered = held.filter((report) => report.frontmatter.paragraphNumbers === 'ofsted');

describe.runIf(held.length > 0)('against the official documents, where they are beside the checkout', () => {
  it.each(heldNumbered.map((report) => [report.key, report.document]))('%s: each paragraph N starts with the words the document prints after “N.”', async (slug, file) => {
    const document = await readFile(file, 'utf8');
    const anchors = (await builtAnchors(inject('distDir')))[slug]!;
    let from = 0;
    for (const anchor of anchors) {
      const ref = parseParagraphId(anchor.id);
      if (ref?.kind !== 'paragraph') continue;
      const opening = words(anchor.text).slice(1, 5);
      // In the document, "N." opens a line (after the layout's indent, or a page break's form
      // feed), followed by the paragraph's first words. Table rows numbered like paragraphs (the
      // 2014 report's "1. Children who need help and protection") are passed over by the words.
      const printed = new RegExp(`^[ \\t\\f]*${ref.number}\\.[ \\t]+(.*)$`, 'gm');
      printed.lastIndex = from;
      let found: RegExpExecArray | null;
      while ((found = printed.exec(document)) !== null) {
        const start = words(found[1]!);
        if (start.length > 0 && opening.slice(0, start.length).join(' ') === start.slice(0, opening.length).join(' ')) break;
      }
      expect(found, `${slug}#${anchor.id}: the document has no “${ref.number}.” opening “${opening.join(' ')}” after paragraph ${ref.number - 1}`).not.toBeNull();
      from = found!.index + found![0].length;
    }
  });

  it.each(held.map((report) => [report.key, report.document, report.page]))('%s: the page gives the Crown copyright year of the document’s own line, where it prints one', async (slug, file, page) => {
    const line = /©\s*Crown copyright (\d{4})/.exec(await readFile(file, 'utf8'));
    const { html } = await builtPage(page);
    const years = [...html.matchAll(/© Crown copyright (\d{4})/g)].map((match) => match[1]);
    expect(years).toHaveLength(1);
    // Letters print no copyright line: theirs is the year of the letter.
    if (line) expect(years[0], `${slug}: the document says “© Crown copyright ${line[1]}”`).toBe(line[1]);
  });

  it.each(held.map((report) => [report.key, report.document, report.footnotes] as const))(
    '%s: every published word is the document’s, in the document’s order',
    async (slug, file, footnotes) => {
      const document = words(await readFile(file, 'utf8'));
      const paragraphs = (await builtAnchors(inject('distDir')))[slug]!.map((anchor) => ({ id: anchor.id, words: words(anchor.text) }));
      // Paragraph by paragraph, in order. The importer gathers a document's footnotes at the end
      // of the page, so the last few paragraphs may come from earlier in the document: those must
      // still be the document's words in its order, found anywhere. As many may come from earlier
      // as the report file has footnotes, and no more: a 2014-15 report may print four
      // (Lincolnshire 2014, Somerset 2015: the title's, the judgements', the local authority
      // area's and the special schools'), each in its place on its page, all after the text here.
      let at = 0;
      const moved: string[] = [];
      for (const paragraph of paragraphs) {
        const next = moved.length === 0 ? findInOrder(paragraph.words, document, at) : -1;
        if (next >= 0) {
          at = next;
          continue;
        }
        expect(findInOrder(paragraph.words, document, 0), `${slug}#${paragraph.id} is not in the document: “${paragraph.words.slice(0, 12).join(' ')} …”`).toBeGreaterThan(0);
        moved.push(paragraph.id);
      }
      expect(moved.length, `out of the document's order: ${moved.join(', ')}`).toBeLessThanOrEqual(footnotes);
      // ...and the page leaves little out: what is missing is the running headers, page numbers,
      // judgement table, headings and back page, which are not paragraphs.
      const published = paragraphs.reduce((sum, paragraph) => sum + paragraph.words.length, 0);
      expect(published).toBeGreaterThan(1000);
      expect(published / document.length).toBeGreaterThan(0.85);
    },
  );
});
