/**
 * The one place pages get the neighbours' reports from (issue 26): content/neighbours/ through
 * Astro's content collection (sorted in src/lib/neighbours/reports.ts), their paragraphs from the
 * MDX compile as Herefordshire's are (src/loaders/record.ts), checked against the statistical
 * neighbours list (content/england/statistical-neighbours.json) and the themes. Every problem
 * fails the build here, listed with file, line and fix. A content folder without neighbours (the
 * test fixtures, the benchmark's corpus) has none, and no page is built for them.
 */
import path from 'node:path';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { NEIGHBOURS_FILE } from '../lib/compare/data.ts';
import { buildNeighbourRecord, neighbourTitle, type NeighbourRecord } from '../lib/neighbours/reports.ts';
import { neighbourParagraphs, type NeighbourParagraph } from '../lib/search/neighbour-paragraphs.ts';
import { kindLabel, visitDates } from '../lib/record/report-entries.ts';
import { themeSchema } from '../lib/record/schema.ts';
import { numberingMode } from '../lib/record/paragraph-numbering.ts';
import { ContentError, type ContentProblem } from '../lib/utils/content-problems.ts';
import { compiledParagraphs } from '../plugins/compiled-paragraphs.ts';
import { loadComparison } from './comparison.ts';
import { contentDir, displayPath, readYamlList } from './content-dir.ts';

export type NeighbourEntry = CollectionEntry<'neighbours'>;

interface Loaded {
  record: NeighbourRecord;
  entries: ReadonlyMap<string, NeighbourEntry>;
  /** content/themes.yaml's labels by id, read once with the reports. */
  themeLabels: ReadonlyMap<string, string>;
}

let loaded: Promise<Loaded> | undefined;

export async function loadNeighbours(): Promise<NeighbourRecord> {
  loaded ??= load();
  return (await loaded).record;
}

/**
 * The neighbours' paragraphs as the search indexes them (src/lib/search/neighbour-paragraphs.ts):
 * /search/neighbour-paragraphs.json, and the search page's filters. None without neighbours.
 */
export async function loadNeighbourParagraphs(): Promise<NeighbourParagraph[]> {
  // Derived once: the JSON file and the search page both ask for them.
  paragraphsList ??= neighbourParagraphsOf();
  return paragraphsList;
}

let paragraphsList: Promise<NeighbourParagraph[]> | undefined;

async function neighbourParagraphsOf(): Promise<NeighbourParagraph[]> {
  loaded ??= load();
  const { record, themeLabels } = await loaded;
  if (record.reports.length === 0) return [];
  return neighbourParagraphs(
    record.reports.map((report) => ({
      id: report.id,
      council: report.council,
      councilSlug: report.councilSlug,
      laCode: report.laCode,
      title: neighbourTitle(report),
      kindLabel: kindLabel(report.data.kind),
      visitStart: report.data.visitStart,
      visitDates: visitDates(report.data),
      paragraphs: report.paragraphs,
    })),
    // The themes were checked against content/themes.yaml when the reports were loaded.
    (id) => themeLabels.get(id)!,
  );
}

/** The content collection entry of a neighbour's report (`<council>/<slug>`), to render its MDX. */
export async function neighbourEntry(id: string): Promise<NeighbourEntry> {
  loaded ??= load();
  const entry = (await loaded).entries.get(id);
  if (!entry) throw new Error(`No neighbour’s report "${id}".`);
  return entry;
}

async function load(): Promise<Loaded> {
  const entries = await getCollection('neighbours');
  if (entries.length === 0) return { record: { reports: [], councils: [], byId: new Map() }, entries: new Map(), themeLabels: new Map() };
  const problems: ContentProblem[] = [];
  // The statistical neighbours list, read (and checked) with England's data (src/loaders/comparison.ts).
  const comparison = loadComparison();
  if (!comparison) {
    problems.push({
      file: displayPath(path.join(contentDir, 'neighbours')),
      message: `holds the neighbours’ reports, but ${NEIGHBOURS_FILE} and England’s latest reports are not there to say who the neighbours are.`,
      fix: 'restore content/england/ (README, “England’s latest reports and the statistical neighbours”), or remove content/neighbours/.',
    });
  }
  const neighbours = comparison?.data.neighbours.neighbours ?? [];
  const themes = readYamlList('themes.yaml', themeSchema);
  problems.push(...themes.problems);
  const inputs = await Promise.all(
    entries.map(async (entry) => {
      const filePath = entry.filePath ? path.resolve(entry.filePath) : path.join(contentDir, 'neighbours', `${entry.id}.mdx`);
      const file = displayPath(filePath);
      await render(entry);
      const collected = compiledParagraphs(filePath);
      if (!collected) throw new Error(`${file}: the MDX compile did not hand over its paragraphs (src/plugins/mdast-collect-paragraphs.ts).`);
      const mode = numberingMode(entry.data.paragraphNumbers);
      if (collected.mode !== mode) throw new Error(`${file}: the MDX compile numbered the paragraphs as "${collected.mode}" but the frontmatter says "${mode}" (paragraphNumbers).`);
      problems.push(...collected.problems.map((problem) => ({ ...problem, file })));
      return { id: entry.id, file, data: entry.data, paragraphs: collected.paragraphs };
    }),
  );
  const built = buildNeighbourRecord(inputs, neighbours, themes.items, NEIGHBOURS_FILE);
  problems.push(...built.problems);
  if (problems.length > 0) throw new ContentError(problems);
  return { record: built.record, entries: new Map(entries.map((entry) => [entry.id, entry])), themeLabels: new Map(themes.items.map((theme) => [theme.id, theme.label])) };
}
