/**
 * Every zod schema of the content model, in one place (DESIGN.md §3).
 *
 * The content collection (src/content.config.ts) validates report frontmatter with
 * `reportSchema`; the importer (scripts/import.ts) validates what it writes with the same
 * schema, so an imported letter can never produce frontmatter the build would reject.
 */
// zod itself, not astro/zod (which re-exports the same package): the model under src/lib imports
// nothing from Astro, and the importer validates with this schema outside any build.
import { z } from 'zod';
import { isPartialDate } from '../utils/dates.ts';
import { PARAGRAPH_ID_SOURCE } from './paragraph-numbering.ts';
import { EVENT_KINDS, GRADES, JUDGEMENT_AREAS, REPORT_KINDS, STATUSES } from './vocabulary.ts';

// The fixed lists live in src/lib/record/vocabulary.ts; the schema and its users may take them from here too.
export { EVENT_KINDS, GRADES, JUDGEMENT_AREAS, REPORT_KINDS, STATUSES };
export type { EventKind, Grade, JudgementArea, ReportKind, Status } from './vocabulary.ts';

/**
 * A date the sources give to the day (`2025-06-17`) or only to the month (`2023-09`).
 * YAML turns an unquoted `2025-06-17` into a Date: we accept that too and keep a plain
 * `YYYY-MM-DD` string, so that no time zone can ever move a date by a day.
 */
export const partialDate = z
  .union([z.date(), z.string()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()))
  .refine(isPartialDate, {
    message: 'Expected a date as YYYY-MM-DD (or YYYY-MM when only the month is known), e.g. 2025-06-17.',
  });

/**
 * A source: normally a published page with its address. A document the project holds but whose
 * address was not recorded (such as the news summary of the 2018 report) has no `url` and must
 * say so in `note`, so the page can show it honestly as unlinked.
 */
export const sourceSchema = z
  .object({
    title: z.string().min(1),
    url: z.url({ protocol: /^https?$/, message: 'Expected a full URL starting https://' }).optional(),
    note: z.string().min(1).optional(),
  })
  .refine((source) => source.url !== undefined || source.note !== undefined, {
    message: 'Give the source a url, or a note saying why there is none.',
  });

export const judgementSchema = z.object({
  /** The judgement area in the inspection framework's words, e.g. "Overall effectiveness". */
  area: z.string().min(1),
  grade: z.enum(GRADES),
});

/** The DfE's local authority code, as the DfE writes it: three digits, e.g. 884 for Herefordshire. */
export const laCode = z.string().regex(/^\d{3}$/, { message: 'Expected the DfE local authority code, three digits in quotes, e.g. "884".' });

/**
 * A report's fields, without the checks across fields: Herefordshire's reports (`reportSchema`)
 * and the neighbours' (`neighbourReportSchema`) are both made from it. zod refuses to extend or
 * pick from an object once it has refinements, so these are kept apart.
 */
const reportFields = z.object({
    title: z.string().min(1),
    kind: z.enum(REPORT_KINDS),
    /** Monitoring visits are numbered from the judgement they follow up. */
    visitNumber: z.number().int().positive().optional(),
    authority: z.string().min(1),
    /** One line, in plain English, for lists and the timeline. */
    headline: z.string().min(1),
    /** First and last day inspectors were on site. */
    visitStart: partialDate,
    visitEnd: partialDate.optional(),
    letterDate: partialDate.optional(),
    published: partialDate.optional(),
    /**
     * The year of the document's own copyright line (“© Crown copyright 2026”, on an inspection
     * report's back page, which the importer removes), where it prints one. Absent: the year the
     * document was issued (src/lib/record/report-entries.ts, copyrightYear).
     */
    copyrightYear: z.number().int().min(1900).max(2999).optional(),
    /** Names, lead inspector first. */
    inspectors: z.array(z.string().min(1)).default([]),
    /**
     * `false` when the sources name the inspectors but not which of them led the visit: the names
     * are then shown without anyone marked as lead (their order means nothing). Absent: the first
     * name is the lead inspector.
     */
    leadInspectorNamed: z.boolean().optional(),
    areasCovered: z.array(z.string().min(1)).default([]),
    /** Inspections: overall effectiveness and each judgement area. */
    judgements: z.array(judgementSchema).default([]),
    /** The earlier judgement a monitoring visit follows up, e.g. inadequate in July 2022. */
    followsUp: z
      .object({
        grade: z.enum(GRADES),
        date: partialDate,
      })
      .optional(),
    /** `full`: the letter exactly as issued. `summary`: our own words about it. */
    text: z.enum(['full', 'summary']),
    /**
     * `ofsted`: the document numbers its own paragraphs (inspection reports). In the MDX, Ofsted's
     * paragraph N is a paragraph that starts with its number as printed, the full stop escaped so
     * that Markdown keeps it as text (`6\. The current arrangements ...`); its anchor is `p6`.
     * Absent: the site numbers paragraphs and list items p1, p2, ... in order (letters).
     */
    paragraphNumbers: z.literal('ofsted').optional(),
    /** Where the facts come from: the official letter first where it exists. */
    sources: z.array(sourceSchema).min(1, { message: 'Give at least one source: { title, url }.' }),
  });

const visitEndNotBeforeStart = (report: { visitStart: string; visitEnd?: string | undefined }) => !report.visitEnd || report.visitEnd >= report.visitStart;
const VISIT_END_BEFORE_START = { message: 'visitEnd is before visitStart.', path: ['visitEnd'] };

export const reportSchema = reportFields
  .refine((report) => report.kind !== 'monitoring-visit' || report.visitNumber !== undefined, {
    message: 'A monitoring visit needs its visitNumber (e.g. visitNumber: 7).',
    path: ['visitNumber'],
  })
  .refine(visitEndNotBeforeStart, VISIT_END_BEFORE_START);

/**
 * An inspection report of one of Herefordshire's statistical neighbours (content/neighbours/
 * <council>/<slug>.mdx, written by `npm run neighbours`, issue 26). The same fields as a report
 * of Herefordshire's, where they mean the same, with what makes it another council's: `authority`
 * is the council as the DfE names it and `laCode` its DfE code. It has no `headline`: a headline
 * is an editor's summary, and no editor reviews these reports. Only inspections: the neighbours'
 * folder holds their inspection reports, each with its publication date and judgements.
 */
export const neighbourReportSchema = reportFields
  .omit({ headline: true, visitNumber: true, letterDate: true, areasCovered: true, followsUp: true })
  .extend({
    kind: z.literal('inspection'),
    laCode,
    published: partialDate,
    /** The ILACS inspection's type as Ofsted's list gives it; absent for the single inspection framework (2013-17). */
    framework: z.enum(['standard', 'short']).optional(),
    judgements: z.array(judgementSchema).min(1, { message: 'An inspection report has judgements: give each { area, grade } as its table prints it.' }),
    text: z.literal('full'),
  })
  .refine(visitEndNotBeforeStart, VISIT_END_BEFORE_START);

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  message: 'Expected an id in lower case with hyphens, e.g. life-story-work.',
});

export const themeSchema = z.object({
  id,
  label: z.string().min(1),
  description: z.string().min(1),
  /** Words that make the importer suggest this theme for a paragraph; an editor reviews them. */
  keywords: z.array(z.string().min(1)).default([]),
});

/** A paragraph of a report by its anchor (src/lib/record/paragraph-numbering.ts): `2018-06-inspection#p6`. */
const paragraphReference = z.string().regex(new RegExp(`^[a-z0-9-]+#(?:${PARAGRAPH_ID_SOURCE})$`), {
  message: 'Expected <report slug>#<anchor>, e.g. 2018-06-inspection#p6, #p6-1 or #s3.',
});

export const weaknessSchema = z.object({
  id,
  title: z.string().min(1),
  finding: z.string().min(1),
  area: z.enum(JUDGEMENT_AREAS),
  themes: z.array(z.string()).min(1),
  /**
   * The paragraph of the 2018 report it comes from, by its anchor (src/lib/record/paragraph-numbering.ts):
   * `2018-06-inspection#p6` (Ofsted's paragraph 6), `#p6-1` (its first point), `#s3` (the summary's third).
   */
  source: paragraphReference,
  /**
   * The item of the 2018 report's own "What needs to improve" list that names this weakness, by
   * its anchor (`2018-06-inspection#s7`); absent when Ofsted's list does not name it.
   */
  improvementItem: paragraphReference.optional(),
  /** Where an earlier inspection found the same weakness: the paragraph, and what it said, in our words. */
  history: z.array(z.object({ paragraph: paragraphReference, note: z.string().min(1) })).default([]),
});

/** Dated context for the home timeline that is not a report (content/events.yaml). */
export const eventSchema = z.object({
  id,
  date: partialDate,
  /** How to show the date when the sources give it loosely, e.g. "Autumn 2022". */
  dateLabel: z.string().min(1).optional(),
  kind: z.enum(EVENT_KINDS),
  title: z.string().min(1),
  summary: z.string().min(1),
  /** The overall judgement, for an inspection. */
  grade: z.enum(GRADES).optional(),
  sources: z.array(sourceSchema).min(1, { message: 'Give at least one source: { title, url }.' }),
});

/**
 * A term of the glossary (content/glossary.yaml, README: Glossary). How a term is matched in the
 * reports (acronyms by exact case, other words ignoring case) is src/lib/glossary/matching.ts.
 */
export const glossaryTermSchema = z.object({
  id,
  /** As the reports write it: "MASH", "section 47". */
  term: z.string().trim().min(2, { message: 'Give the term as the reports write it, e.g. MASH.' }),
  /** Other spellings that occur in the reports: "multi-agency safeguarding hub", "s47". */
  aliases: z.array(z.string().trim().min(2)).default([]),
  /** What an acronym stands for. */
  expansion: z.string().trim().min(1).optional(),
  /** One or two short sentences, in our own words, for a member of the public. */
  definition: z
    .string()
    .trim()
    .min(20, { message: 'Write a definition of a sentence or two, in plain English.' })
    .max(400, { message: 'Keep the definition to one or two short sentences (400 characters at most).' }),
  /** The law, statutory guidance or Ofsted framework that defines it. */
  source: z.object({
    title: z.string().min(1),
    url: z.url({ protocol: /^https$/, message: 'Expected the full https:// address of the legislation, guidance or framework.' }),
  }),
});

export type TimelineEvent = z.output<typeof eventSchema>;
export type Theme = z.output<typeof themeSchema>;
export type GlossaryEntry = z.output<typeof glossaryTermSchema>;
export type Weakness = z.output<typeof weaknessSchema>;
export type ReportData = z.output<typeof reportSchema>;
export type NeighbourReportData = z.output<typeof neighbourReportSchema>;
export type Source = z.output<typeof sourceSchema>;
export type Judgement = z.output<typeof judgementSchema>;
