/**
 * The one place pages get the record from. It reads the content once per build: the reports
 * through Astro's content collection (getCollection() runs once; its order is not stable, so
 * src/lib sorts), and themes.yaml and weaknesses.yaml directly, keeping line numbers for
 * messages. Every problem in the content fails the build here, listed with file, line and fix,
 * before any page renders.
 */
import path from 'node:path';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { findings, type FindingRecord } from '../lib/publish/findings.ts';
import { glossaryMatcher, segmentText, unknownAcronyms, unknownAcronymsWarning, type GlossaryMatcher, type GlossaryTerm, type TextPiece } from '../lib/glossary/matching.ts';
import { ContentError, type ContentProblem } from '../lib/utils/content-problems.ts';
import { buildRecord, type InspectionRecord, type RecordReport } from '../lib/record/build-record.ts';
import { numberingMode } from '../lib/record/paragraph-numbering.ts';
import { compiledParagraphs } from '../plugins/compiled-paragraphs.ts';
import { eventSchema, themeSchema, weaknessSchema } from '../lib/record/schema.ts';
import { contentDir, displayPath, readYamlList } from './content-dir.ts';
import { readGlossary } from './glossary.ts';

export type Report = CollectionEntry<'reports'>;

interface Loaded {
  record: InspectionRecord;
  /** The collection entries, for render(). */
  entries: ReadonlyMap<string, Report>;
  /** content/glossary.yaml, validated (README: Glossary). */
  glossary: readonly GlossaryTerm[];
}

let loaded: Promise<Loaded> | undefined;

export async function loadRecord(): Promise<InspectionRecord> {
  loaded ??= load();
  return (await loaded).record;
}

/** The glossary's terms, in file order (src/lib/glossary/matching.ts sorts them for the page). */
export async function loadGlossary(): Promise<readonly GlossaryTerm[]> {
  loaded ??= load();
  return (await loaded).glossary;
}

let matcher: Promise<GlossaryMatcher> | undefined;

/**
 * For a page that quotes the record's text (a theme or weakness page): a function that splits
 * each text, called in the order the page shows them, into plain words and the page's first use
 * of each glossary term (src/components/GlossaryText.astro renders the pieces). One per page.
 */
export async function glossaryFirstUses(): Promise<(text: string) => TextPiece[]> {
  matcher ??= loadGlossary().then(glossaryMatcher);
  const compiled = await matcher;
  const seen = new Set<string>();
  return (text) => segmentText(text, compiled, seen);
}

let findingsList: Promise<FindingRecord[]> | undefined;

/** Every paragraph as an open data record (src/lib/publish/findings.ts): derived once for the JSON and the CSV. */
export async function loadFindings(): Promise<FindingRecord[]> {
  findingsList ??= loadRecord().then(findings);
  return findingsList;
}

/** The content collection entry of a report, to render its MDX. */
export async function reportEntry(id: string): Promise<Report> {
  loaded ??= load();
  const entry = (await loaded).entries.get(id);
  if (!entry) throw new Error(`No report "${id}".`);
  return entry;
}

async function load(): Promise<Loaded> {
  const problems: ContentProblem[] = [];
  const themes = readYamlList('themes.yaml', themeSchema);
  const weaknesses = readYamlList('weaknesses.yaml', weaknessSchema);
  const events = readYamlList('events.yaml', eventSchema);
  const glossary = readGlossary();
  problems.push(...themes.problems, ...weaknesses.problems, ...events.problems, ...glossary.problems);

  const entries = await getCollection('reports');
  // The paragraphs come from Astro's own MDX compile (src/plugins/mdast-collect-paragraphs.ts).
  // render() imports each compiled module, which the report pages import anyway; in the dev
  // server that is what compiles it.
  const reports: RecordReport[] = await Promise.all(
    entries.map(async (entry) => {
      const filePath = entry.filePath ? path.resolve(entry.filePath) : path.join(contentDir, 'reports', `${entry.id}.mdx`);
      const file = displayPath(filePath);
      await render(entry);
      const collected = compiledParagraphs(filePath);
      if (!collected) {
        throw new Error(
          `${file}: the MDX compile did not hand over its paragraphs (src/plugins/mdast-collect-paragraphs.ts). Is mdastCollectParagraphs in markdown.processor in astro.config.mjs?`,
        );
      }
      // The plugins read the numbering mode from the frontmatter Astro hands the compile; this is
      // the frontmatter the schema validated. If they ever disagreed, anchors would be spelled
      // the wrong way without anyone noticing.
      const mode = numberingMode(entry.data.paragraphNumbers);
      if (collected.mode !== mode) {
        throw new Error(
          `${file}: the MDX compile numbered the paragraphs as "${collected.mode}" but the frontmatter says "${mode}" (paragraphNumbers). Does @astrojs/markdown-satteri still pass the frontmatter to plugins as data.astro.frontmatter?`,
        );
      }
      problems.push(...collected.problems.map((problem) => ({ ...problem, file })));
      return { id: entry.id, file, data: entry.data, paragraphs: collected.paragraphs };
    }),
  );

  // Cross-references are checked even when a file had problems of its own, so that one failed
  // build lists everything to fix.
  const built = buildRecord({ themes: themes.items, weaknesses: weaknesses.items, events: events.items, reports });
  problems.push(...built.problems);
  if (problems.length > 0 || !built.record) throw new ContentError(problems);
  // Acronyms the glossary does not explain are a warning, not a failure: printed once per build
  // (the record is loaded once), with where each first occurs (reports oldest first), so that an
  // editor can add the jargon to the glossary.
  const warning = unknownAcronymsWarning(
    unknownAcronyms(
      [...built.record.reports].reverse().flatMap((report) => report.paragraphs.map((paragraph) => ({ where: `${report.id}#${paragraph.id}`, text: paragraph.text }))),
      glossary.terms,
    ),
  );
  if (warning) console.warn(warning);
  return { record: built.record, entries: new Map(entries.map((entry) => [entry.id, entry])), glossary: glossary.terms };
}
