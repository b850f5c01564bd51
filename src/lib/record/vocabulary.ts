/**
 * The record's fixed lists, in one module with no dependencies: the schema (src/lib/record/schema.ts)
 * validates content against them and the model (src/lib/) computes with them, so neither needs
 * the other at run time. A new kind of report, grade or status is added here, once.
 */

/** The kinds of Ofsted visit we publish. Slugs end with the kind (DESIGN.md §2). */
export const REPORT_KINDS = ['inspection', 'focused-visit', 'monitoring-visit', 'joint-targeted-area-inspection'] as const;

/** Ofsted's four-point scale, best first. */
export const GRADES = ['outstanding', 'good', 'requires-improvement', 'inadequate'] as const;

/** How a 2018 weakness stood at a visit, worst first (DESIGN.md §3). */
export const STATUSES = ['worse', 'not-improved', 'some-progress', 'improved', 'strength'] as const;

/** The 2018 judgement areas a weakness belongs to. */
export const JUDGEMENT_AREAS = ['help-and-protection', 'children-in-care', 'leadership'] as const;

/** The kinds of dated event on the home timeline that are not reports (content/events.yaml). */
export const EVENT_KINDS = ['inspection', 'focused-visit', 'court', 'intervention', 'council'] as const;

export type ReportKind = (typeof REPORT_KINDS)[number];
export type Grade = (typeof GRADES)[number];
export type Status = (typeof STATUSES)[number];
export type JudgementArea = (typeof JUDGEMENT_AREAS)[number];
export type EventKind = (typeof EVENT_KINDS)[number];
