/**
 * Generates a synthetic content folder of N reports shaped like the real ones (see profile.ts),
 * valid against src/lib/record/schema.ts and the record's cross-checks, so that the real site builds it.
 *
 * - Slugs: visits are spread over 1990-2089 (1,200 months) in date order; monitoring visits are
 *   numbered since the last inspection, as Ofsted numbers them, and a clash of slugs (two
 *   inspections in one month) turns the later one into a monitoring visit.
 * - Text: real sentences recombined, plus some sentences made by a word-pair (bigram) chain over
 *   the real letters, so that phrases vary as they would across many letters while the words
 *   stay Ofsted's.
 * - Annotations: each block keeps the annotation shape of the real block it was drawn from; theme
 *   and weakness ids are drawn from the real YAML files, with one status per weakness per report.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { GRADES, STATUSES, type ReportData, type ReportKind, type Status } from '../../src/lib/record/schema.ts';
import type { AnnotationShape, BlockShape, Profile, TextKind } from './profile.ts';
import type { Random } from './random.ts';

/**
 * The real reports content/weaknesses.yaml points at (the 2018 baseline and the 2014 report its
 * history quotes): every corpus needs them for the build to pass.
 */
async function referencedReports(realContentDir: string): Promise<string[]> {
  const yaml = await readFile(path.join(realContentDir, 'weaknesses.yaml'), 'utf8');
  return [...new Set([...yaml.matchAll(/\b(\d{4}-\d{2}-[a-z0-9-]+)#/g)].map((match) => match[1]!))].sort();
}
const YAML_FILES = ['themes.yaml', 'weaknesses.yaml', 'events.yaml'];

/**
 * Mostly full letters: the real record is mostly summaries only because the letters have not been
 * imported yet, and a record of 1,000 reports would be imported letters.
 */
const FULL_TEXT_SHARE = 0.75;
const KIND_WEIGHTS: ReadonlyArray<[ReportKind, number]> = [
  ['monitoring-visit', 0.55],
  ['inspection', 0.25],
  ['focused-visit', 0.12],
  ['joint-targeted-area-inspection', 0.08],
];
/** The real letters give one length per kind of text: vary it so that reports differ in size. */
const LENGTH_JITTER: readonly [number, number] = [0.6, 1.4];
/** Share of sentences made by the bigram chain rather than copied whole. */
const CHAIN_SHARE = 0.3;
const OVERALL = 'Overall effectiveness';
const FIRST_YEAR = 1990;
const YEARS = 100;

const TITLES: Record<ReportKind, string> = {
  inspection: 'Inspection of Herefordshire children’s services',
  'monitoring-visit': 'Monitoring visit to Herefordshire children’s services',
  'focused-visit': 'Focused visit to Herefordshire children’s services',
  'joint-targeted-area-inspection': 'Joint targeted area inspection of the multi-agency response in Herefordshire',
};

export interface CorpusStats {
  /** Reports in the corpus: the generated ones and the real reports the weaknesses quote. */
  reports: number;
  /** Paragraphs and list items written into the generated reports. */
  generatedParagraphs: number;
}

interface Ids {
  themes: string[];
  weaknesses: string[];
}

async function readIds(contentDir: string): Promise<Ids> {
  const ids = async (file: string): Promise<string[]> =>
    (parseYaml(await readFile(path.join(contentDir, file), 'utf8')) as Array<{ id: string }>).map((item) => item.id);
  return { themes: await ids('themes.yaml'), weaknesses: await ids('weaknesses.yaml') };
}

function weighted<T>(random: Random, weights: ReadonlyArray<[T, number]>): T {
  let roll = random.next() * weights.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of weights) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weights[weights.length - 1]![0];
}

/** Word pairs from the real sentences: for each word, the words that follow it. */
function buildChain(sentences: readonly string[]): { starts: string[]; next: Map<string, string[]> } {
  const starts: string[] = [];
  const next = new Map<string, string[]>();
  for (const sentence of sentences) {
    const words = sentence.split(/\s+/);
    starts.push(words[0]!);
    for (let i = 0; i + 1 < words.length; i++) {
      const followers = next.get(words[i]!) ?? [];
      followers.push(words[i + 1]!);
      next.set(words[i]!, followers);
    }
  }
  return { starts, next };
}

interface TextMaker {
  /** About `target` words of real-sounding text, ending as a sentence does. */
  paragraph(target: number): string;
}

function textMaker(random: Random, sentences: readonly string[]): TextMaker {
  const chain = buildChain(sentences);
  /** A sentence walked along the word-pair chain until it ends (or grows too long). */
  const chainSentence = (): string => {
    const words = [random.pick(chain.starts)];
    while (words.length < 40 && !/[.!?]$/.test(words.at(-1)!)) {
      const followers = chain.next.get(words.at(-1)!);
      if (!followers) break;
      words.push(random.pick(followers));
    }
    return words.join(' ');
  };
  return {
    paragraph(target) {
      const words: string[] = [];
      while (words.length < target) {
        const sentence = random.chance(CHAIN_SHARE) ? chainSentence() : random.pick(sentences);
        words.push(...sentence.split(/\s+/));
      }
      const text = words.slice(0, Math.max(target, 3)).join(' ').replace(/[,;:]$/, '');
      return /[.!?:]$/.test(text) ? text : `${text}.`;
    },
  };
}

interface Visit {
  slug: string;
  kind: ReportKind;
  visitNumber?: number;
  start: Date;
}

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
const longDate = (day: string): string =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * 86_400_000);

/** N visits in date order over 1990-2089, with unique slugs that satisfy the slug rule. */
export function planVisits(random: Random, count: number, taken: ReadonlySet<string>): Visit[] {
  const first = Date.UTC(FIRST_YEAR, 0, 1);
  const span = Date.UTC(FIRST_YEAR + YEARS, 0, 1) - first - 40 * 86_400_000;
  const starts = Array.from({ length: count }, () => new Date(first + Math.floor((random.next() * span) / 86_400_000) * 86_400_000));
  starts.sort((a, b) => a.getTime() - b.getTime());
  const used = new Set(taken);
  let sinceInspection = 0;
  return starts.map((start) => {
    const month = isoDay(start).slice(0, 7);
    let kind = weighted(random, KIND_WEIGHTS);
    if (kind !== 'monitoring-visit' && used.has(`${month}-${kind}`)) kind = 'monitoring-visit';
    if (kind === 'inspection') sinceInspection = 0;
    let visitNumber: number | undefined;
    if (kind === 'monitoring-visit') {
      visitNumber = ++sinceInspection;
      while (used.has(`${month}-${kind}-${visitNumber}`)) visitNumber = ++sinceInspection;
    }
    const slug = visitNumber === undefined ? `${month}-${kind}` : `${month}-${kind}-${visitNumber}`;
    used.add(slug);
    return { slug, kind, visitNumber, start };
  });
}

function frontmatter(random: Random, profile: Profile, visit: Visit, text: TextKind): ReportData {
  const end = addDays(visit.start, random.int(0, 9));
  const data: Record<string, unknown> = {
    title: TITLES[visit.kind],
    kind: visit.kind,
    ...(visit.visitNumber !== undefined && { visitNumber: visit.visitNumber }),
    authority: 'Herefordshire County Council',
    headline: random.pick(profile.headlines),
    visitStart: isoDay(visit.start),
    visitEnd: isoDay(end),
    letterDate: isoDay(addDays(end, random.int(20, 40))),
    inspectors: random.sample(profile.inspectors, random.int(1, 3)),
  };
  if (visit.kind === 'inspection') {
    // Overall effectiveness first, as Ofsted reports it, then some of the judgement areas.
    const areas = [OVERALL, ...random.sample(profile.judgementAreas.filter((area) => area !== OVERALL), random.int(2, 4))];
    data.judgements = areas.map((area) => ({ area, grade: random.pick(GRADES) }));
  } else {
    data.areasCovered = random.sample(profile.areasCovered, random.int(1, 3));
  }
  if (visit.kind === 'monitoring-visit') {
    // Ofsted monitors about every four months: the judgement came that long before visit 1.
    const monthsSinceJudgement = 4 * (visit.visitNumber ?? 1);
    data.followsUp = { grade: 'inadequate', date: isoDay(addDays(visit.start, -30 * monthsSinceJudgement)).slice(0, 7) };
  }
  data.text = text;
  data.sources = random.sample(profile.sources.filter((source) => source.url), random.int(1, 3));
  return data as unknown as ReportData;
}

/** One status per weakness per report, or the build fails: remember what this report said. */
function annotationTag(random: Random, ids: Ids, shape: AnnotationShape, notes: readonly string[], statuses: Map<string, Status>): string {
  const attributes = [`themes="${random.sample(ids.themes, Math.max(shape.themes, 1)).join(', ')}"`];
  if (shape.progress > 0) {
    const claims = random.sample(ids.weaknesses, shape.progress).map((weakness) => {
      const status = statuses.get(weakness) ?? random.pick(STATUSES);
      statuses.set(weakness, status);
      return `${weakness}: ${status}`;
    });
    attributes.push(`progress="${claims.join(', ')}"`);
  }
  if (shape.note && notes.length > 0) attributes.push(`note="${random.pick(notes)}"`);
  return `<Finding ${attributes.join(' ')}>`;
}

function blockMarkdown(block: BlockShape, texts: TextMaker, random: Random, profile: Profile): string {
  if (block.type === 'heading') return `## ${random.pick(profile.headings)}`;
  if (block.type === 'paragraph') return texts.paragraph(block.words);
  return block.items.map((words) => `- ${texts.paragraph(words)}`).join('\n');
}

function letterHead(random: Random, data: ReportData): string {
  const addressee = random.pick(['Tina Russell', 'Darryl Freeman', 'Chris Baird', 'Gail Hancock']);
  return [
    '<LetterHead>',
    '',
    longDate(data.letterDate ?? data.visitStart),
    '',
    `${addressee}\\`,
    'Director of Children’s Services\\',
    'Herefordshire County Council\\',
    'Plough Lane Offices\\',
    'Hereford\\',
    'HR4 0LE',
    '',
    `Dear ${addressee.split(' ')[0]}`,
    '',
    `**${data.title}**`,
    '',
    '</LetterHead>',
  ].join('\n');
}

function signOff(data: ReportData): string {
  return ['<SignOff>', '', 'Yours sincerely', '', `${data.inspectors[0] ?? 'Alison Smale'}\\`, 'His Majesty’s Inspector', '', '</SignOff>'].join('\n');
}

interface Generated {
  mdx: string;
  paragraphs: number;
}

function generateReport(random: Random, profile: Profile, ids: Ids, texts: TextMaker, visit: Visit): Generated {
  const text: TextKind = random.chance(FULL_TEXT_SHARE) ? 'full' : 'summary';
  const data = frontmatter(random, profile, visit, text);
  const jitter = LENGTH_JITTER[0] + random.next() * (LENGTH_JITTER[1] - LENGTH_JITTER[0]);
  const blockCount = Math.max(3, Math.round(random.pick(profile.blockCounts[text]) * jitter));
  const statuses = new Map<string, Status>();
  const parts: string[] = [`---\n${stringifyYaml(data).trimEnd()}\n---`];
  if (text === 'full') parts.push(letterHead(random, data));
  let paragraphs = 0;
  for (let i = 0; i < blockCount; i++) {
    const block = random.pick(profile.blocks[text]);
    const markdown = blockMarkdown(block, texts, random, profile);
    if (block.type === 'heading') {
      parts.push(markdown);
      continue;
    }
    paragraphs += block.type === 'list' ? block.items.length : 1;
    parts.push(block.annotation ? `${annotationTag(random, ids, block.annotation, profile.notes, statuses)}\n\n${markdown}\n\n</Finding>` : markdown);
  }
  if (text === 'full') parts.push(signOff(data));
  return { mdx: `${parts.join('\n\n')}\n`, paragraphs };
}

/**
 * Writes `<targetContentDir>/` with the real YAML files, the real reports they point at and `count`
 * generated reports. Never touches the real content folder.
 */
export async function writeCorpus(options: {
  realContentDir: string;
  targetContentDir: string;
  count: number;
  random: Random;
  profile: Profile;
}): Promise<CorpusStats> {
  const { realContentDir, targetContentDir, count, random, profile } = options;
  const reportsDir = path.join(targetContentDir, 'reports');
  await mkdir(reportsDir, { recursive: true });
  for (const file of YAML_FILES) await copyFile(path.join(realContentDir, file), path.join(targetContentDir, file));
  const realReports = await referencedReports(realContentDir);
  for (const slug of realReports) await copyFile(path.join(realContentDir, 'reports', `${slug}.mdx`), path.join(reportsDir, `${slug}.mdx`));

  const ids = await readIds(realContentDir);
  const texts = textMaker(random, profile.sentences);
  const visits = planVisits(random, count, new Set(realReports));
  let paragraphs = 0;
  for (const visit of visits) {
    const report = generateReport(random, profile, ids, texts, visit);
    paragraphs += report.paragraphs;
    await writeFile(path.join(reportsDir, `${visit.slug}.mdx`), report.mdx);
  }
  return { reports: count + realReports.length, generatedParagraphs: paragraphs };
}
