/**
 * Annotations: the editorial judgements attached to a paragraph in the MDX.
 *
 *   <Finding themes="supervision, workforce" progress="supervision: improved" note="...">
 *
 *   Most supervision is regular, reflective and purposeful, ...
 *
 *   </Finding>
 *
 * `themes` lists theme ids; `progress` gives, for each 2018 weakness the paragraph speaks to,
 * its status at this visit; `note` explains a status that is not obvious from the words.
 * These functions only read the attribute strings; src/lib/record/build-record.ts checks the ids exist.
 */
import { STATUSES, type Status } from './vocabulary.ts';

/** An MDX element's attributes, as both the Markdown (mdast) and the HTML (hast) trees hold them. */
interface MdxJsxAttributes {
  attributes: ReadonlyArray<{ type: string; name?: string; value?: unknown }>;
}

/**
 * An annotation attribute written as a plain string (`themes="a, b"`); undefined when it is
 * missing or written as an expression. Read by the record (src/lib/record/paragraphs.ts) and by the
 * plugin that numbers paragraphs on the page, so that both see the same annotation.
 */
export function stringAttribute(element: MdxJsxAttributes, name: string): string | undefined {
  const found = element.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}

export interface StatusInfo {
  label: string;
  /** A symbol, so that status never relies on colour alone. */
  symbol: string;
  /** Higher is better: orders statuses and shows direction of travel. */
  rank: number;
}

export const STATUS_INFO: Record<Status, StatusInfo> = {
  worse: { label: 'Worse', symbol: '▼', rank: 0 },
  'not-improved': { label: 'Not improved', symbol: '✕', rank: 1 },
  'some-progress': { label: 'Some progress', symbol: '◐', rank: 2 },
  improved: { label: 'Improved', symbol: '▲', rank: 3 },
  strength: { label: 'Strength', symbol: '★', rank: 4 },
};

export const NOT_EXAMINED = { label: 'Not examined', symbol: '–' } as const;

export function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

/** Theme ids, separated by commas and/or spaces. */
export function parseThemes(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value.split(/[\s,]+/).filter((part) => part.length > 0);
}

export interface ProgressClaim {
  weakness: string;
  status: string;
}

export interface ParsedProgress {
  claims: ProgressClaim[];
  /** Parts that are not `weakness: status`. */
  malformed: string[];
}

/** `weakness-id: status, other-id: status` (semicolons work as separators too). */
export function parseProgress(value: string | undefined): ParsedProgress {
  const claims: ProgressClaim[] = [];
  const malformed: string[] = [];
  if (value === undefined) return { claims, malformed };
  for (const part of value.split(/[,;]/)) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const match = /^([a-z0-9-]+)\s*:\s*([a-z-]+)$/.exec(trimmed);
    if (match) claims.push({ weakness: match[1]!, status: match[2]! });
    else malformed.push(trimmed);
  }
  return { claims, malformed };
}
