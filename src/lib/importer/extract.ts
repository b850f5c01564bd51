/**
 * The frontmatter fields an Ofsted letter states in its own words: its kind, the visit's number,
 * the authority, the dates inspectors were on site, the letter's date, the inspectors, the areas
 * covered and the judgement a monitoring visit follows up.
 *
 * Each finder returns undefined when the letter does not say it in a form we recognise: a field
 * is never guessed, it is left for an editor.
 */
import type { Grade, ReportKind } from '../record/schema.ts';
import { isPartialDate } from '../utils/dates.ts';
import { DATE_LINE, type Block, type LetterParts } from './clean.ts';

export interface ExtractedFields {
  title?: string;
  kind?: ReportKind;
  visitNumber?: number;
  authority?: string;
  visitStart?: string;
  visitEnd?: string;
  letterDate?: string;
  inspectors?: string[];
  areasCovered?: string[];
  followsUp?: { grade: Grade; date: string };
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
const MONTH = `(${MONTHS.join('|')})`;
/** A day of the month: "5", "5th", and "15 and 16 of May" has "16 of". */
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?(?: of)?';
const YEAR = '(\\d{4})';
/** The words that join the first and last day of a visit. */
const TO = '\\s*(?:and|to|until|–|-)\\s*';

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name as (typeof MONTHS)[number]) + 1;
}

/** An ISO date from its parts, or undefined if there is no such day (31 June). */
function isoDate(day: string | number, month: string, year: string | number): string | undefined {
  const value = `${year}-${pad(monthNumber(month))}-${pad(Number(day))}`;
  return isPartialDate(value) ? value : undefined;
}

/** An ISO date from day/month/year numbers, or undefined if there is no such day. */
function numericDate(day: string, month: string, year: string): string | undefined {
  const value = `${year}-${pad(Number(month))}-${pad(Number(day))}`;
  return Number(month) >= 1 && Number(month) <= 12 && isPartialDate(value) ? value : undefined;
}

export interface DateRange {
  start: string;
  end: string;
}

/**
 * The first span of days in the text, in the forms Ofsted's letters use:
 * "17 and 18 June 2025", "10 to 21 November 2025", "4, 5 and 6 March 2020",
 * "30 September to 2 October 2025", "28 November to 1 December 2022",
 * "30 December 2024 to 3 January 2025", or a single day, "5 December 2019".
 * A single day gives the same start and end. A month or year without a day is not a visit date
 * ("judged inadequate in July 2022").
 */
export function parseDateRange(text: string): DateRange | undefined {
  // Most specific first: at the same position, the longer form wins.
  const patterns: Array<{ regex: RegExp; read: (m: RegExpExecArray) => DateRange | undefined }> = [
    {
      // 30 December 2024 to 3 January 2025
      regex: new RegExp(`\\b${DAY} ${MONTH} ${YEAR}${TO}${DAY} ${MONTH} ${YEAR}\\b`, 'g'),
      read: (m) => range(isoDate(m[1]!, m[2]!, m[3]!), isoDate(m[4]!, m[5]!, m[6]!)),
    },
    {
      // 30 September to 2 October 2025: the start's year is the end's, or the one before if
      // the months run over a new year.
      regex: new RegExp(`\\b${DAY} ${MONTH}${TO}${DAY} ${MONTH} ${YEAR}\\b`, 'g'),
      read: (m) => {
        const endYear = Number(m[5]!);
        const startYear = monthNumber(m[2]!) > monthNumber(m[4]!) ? endYear - 1 : endYear;
        return range(isoDate(m[1]!, m[2]!, startYear), isoDate(m[3]!, m[4]!, endYear));
      },
    },
    {
      // 17 and 18 June 2025; 4, 5 and 6 March 2020
      regex: new RegExp(`\\b${DAY}(?:,\\s*\\d{1,2}(?:st|nd|rd|th)?)*${TO}${DAY} ${MONTH} ${YEAR}\\b`, 'g'),
      read: (m) => range(isoDate(m[1]!, m[3]!, m[4]!), isoDate(m[2]!, m[3]!, m[4]!)),
    },
    {
      regex: new RegExp(`\\b${DAY} ${MONTH} ${YEAR}\\b`, 'g'),
      read: (m) => {
        const day = isoDate(m[1]!, m[2]!, m[3]!);
        return range(day, day);
      },
    },
  ];
  // 1/06/2015 – 25/06/2015, as a few single-inspection reports give their dates.
  patterns.push({
    regex: /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\s*(?:–|-|to)\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g,
    read: (m) => range(numericDate(m[1]!, m[2]!, m[3]!), numericDate(m[4]!, m[5]!, m[6]!)),
  });
  let best: { index: number; order: number; value: DateRange } | undefined;
  patterns.forEach(({ regex, read }, order) => {
    for (const match of text.matchAll(regex)) {
      const value = read(match as RegExpExecArray);
      if (!value) continue;
      if (!best || match.index < best.index || (match.index === best.index && order < best.order)) {
        best = { index: match.index, order, value };
      }
      break;
    }
  });
  return best?.value;
}

/**
 * A visit's days given without a year ("on 22 and 23 January", "between 30 September and
 * 2 October"), as some letters give them: the year is the letter's, or the one before when the
 * visit's month comes after the letter's (a December visit reported in January). Only after
 * "on", "between" or "from", so that a date in passing is not taken for the visit.
 */
function parseYearlessRange(text: string, letterDate: string): DateRange | undefined {
  const letterYear = Number(letterDate.slice(0, 4));
  const letterMonth = Number(letterDate.slice(5, 7));
  const yearOf = (month: string): number => (monthNumber(month) > letterMonth ? letterYear - 1 : letterYear);
  const lead = '\\b(?:on|between|from)\\s+';
  const noYear = '(?!\\s*,?\\s*\\d{4})';
  const twoMonths = new RegExp(`${lead}${DAY} ${MONTH}${TO}${DAY} ${MONTH}\\b${noYear}`).exec(text);
  if (twoMonths) {
    return range(isoDate(twoMonths[1]!, twoMonths[2]!, yearOf(twoMonths[2]!)), isoDate(twoMonths[3]!, twoMonths[4]!, yearOf(twoMonths[4]!)));
  }
  const oneMonth = new RegExp(`${lead}${DAY}(?:,\\s*\\d{1,2}(?:st|nd|rd|th)?)*${TO}${DAY} ${MONTH}\\b${noYear}`).exec(text);
  if (oneMonth) return range(isoDate(oneMonth[1]!, oneMonth[3]!, yearOf(oneMonth[3]!)), isoDate(oneMonth[2]!, oneMonth[3]!, yearOf(oneMonth[3]!)));
  const oneDay = new RegExp(`${lead}${DAY} ${MONTH}\\b${noYear}`).exec(text);
  if (oneDay) {
    const day = isoDate(oneDay[1]!, oneDay[2]!, yearOf(oneDay[2]!));
    return range(day, day);
  }
  return undefined;
}

function range(start: string | undefined, end: string | undefined): DateRange | undefined {
  if (!start || !end || end < start) return undefined;
  return { start, end };
}

const ORDINALS = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth',
  'eighteenth', 'nineteenth', 'twentieth',
];

/** "seventh" -> 7, "twenty-first" -> 21, "7th" -> 7. */
export function ordinalValue(word: string): number | undefined {
  const lower = word.toLowerCase();
  const numeric = /^(\d+)(?:st|nd|rd|th)$/.exec(lower);
  if (numeric) return Number(numeric[1]);
  const index = ORDINALS.indexOf(lower);
  if (index >= 0) return index + 1;
  const compound = /^(twenty|thirty)[- ](\w+)$/.exec(lower);
  if (compound) {
    const unit = ORDINALS.indexOf(compound[2]!);
    if (unit >= 0 && unit < 9) return (compound[1] === 'twenty' ? 20 : 30) + unit + 1;
  }
  return undefined;
}

const ORDINAL = '((?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|[a-z]+|\\d+(?:st|nd|rd|th))';

/**
 * "This was the seventh monitoring visit": the letter's own statement of its number. Failing
 * that, an ordinal before "monitoring visit" in the first paragraph (later paragraphs may refer
 * back to earlier visits).
 */
export function findVisitNumber(paragraphs: readonly string[]): number | undefined {
  const stated = new RegExp(`\\b(?:This|It) (?:was|is) (?:the )?${ORDINAL} monitoring visit\\b`, 'i');
  for (const text of paragraphs) {
    const match = stated.exec(text);
    const value = match ? ordinalValue(match[1]!) : undefined;
    if (value) return value;
  }
  const first = paragraphs[0] ?? '';
  for (const match of first.matchAll(new RegExp(`\\b${ORDINAL} monitoring visit\\b`, 'gi'))) {
    const value = ordinalValue(match[1]!);
    if (value) return value;
  }
  return undefined;
}

const GRADE_WORDS: Record<string, Grade> = {
  inadequate: 'inadequate',
  'requires improvement': 'requires-improvement',
  good: 'good',
  outstanding: 'outstanding',
};

/** "since the local authority was judged inadequate in July 2022" -> inadequate, 2022-07. */
export function findFollowsUp(paragraphs: readonly string[]): ExtractedFields['followsUp'] {
  const regex = new RegExp(
    `\\bjudged (?:to be |as )?(inadequate|requires improvement|good|outstanding)\\b[^.]{0,60}?\\bin ${MONTH} ${YEAR}\\b`,
    'i',
  );
  for (const text of paragraphs) {
    const match = regex.exec(text);
    if (!match) continue;
    const grade = GRADE_WORDS[match[1]!.toLowerCase()];
    const month = MONTHS.find((name) => name.toLowerCase() === match[2]!.toLowerCase());
    if (grade && month) return { grade, date: `${match[3]}-${pad(monthNumber(month))}` };
  }
  return undefined;
}

/**
 * Inspectors' titles that follow a name in the list: ", HMI", ", Her Majesty’s Inspector (HMI)",
 * ", Senior Her Majesty’s Inspector", " (HMI designate)", ", Her Majesty’s Inspectors (HMI) Social Care".
 */
export const INSPECTOR_TITLE =
  /,?\s*\(?\b(?:(?:Senior )?(?:His|Her) Majesty[’']s [Ii]nspectors?|Senior HMI|SHMI|HMI|Ofsted [Ii]nspectors?|OI|(?:Social Care )?Regulatory [Ii]nspectors?)\b\)?(?:\s*\((?:HMIs?|SHMI|OI)\))?(?:\s*\(?designate\)?)?(?: (?:Social Care|Schools)\b)?/g;

/** A person's name: capitalised words, with the particles some surnames have. */
export const NAME = /^\p{Lu}[\p{L}’'.-]*(?: (?:\p{Lu}[\p{L}’'.-]*|de|van|von|der|den|da|di|du|la|le|bin|al)){1,4}$/u;

/**
 * The inspectors named in the letter, in its order: "His Majesty’s inspectors for this visit
 * were A, B and C.", "Her Majesty’s Inspectors ...", "The inspectors were A, HMI, and B, HMI.",
 * "The lead inspector was A." Works on whole paragraphs, so a phrase broken across lines
 * ("His Majesty’s" / "inspectors") is found. A list that is not all names ("inspectors were
 * told that ...") is not taken.
 */
export function findInspectors(paragraphs: readonly string[]): string[] | undefined {
  // "The visit was carried out by A and B.", "... focused visit to X on 22 and 23 May 2018 carried out by A and B, ..."
  const carriedOutBy =
    /\b(?:(?:visit|inspection) was (?:carried out|conducted|led|undertaken)|(?:visit|inspection)\b[^.]{0,160}?\b(?:carried out|conducted|undertaken)) by (.+?)(?:(?<!\b\p{Lu})\.(?=\s|$)|$)/u;
  for (const text of paragraphs) {
    const match = carriedOutBy.exec(text);
    const names = match ? letterNames(match[1]!) : [];
    if (names.length > 0 && names.every((name) => NAME.test(name))) return names;
  }
  const regex =
    /\b(?:(?:His|Her) Majesty[’']s [Ii]nspectors?|[Tt]he (?:lead )?[Ii]nspectors?|[Ii]nspectors)\b(?:(?! (?:were|was) )[^.]){0,40}? (?:were|was) (.+?)(?:(?<!\b\p{Lu})\.(?=\s|$)|$)/gu;
  for (const text of paragraphs) {
    for (const match of text.matchAll(regex)) {
      const names = letterNames(match[1]!);
      if (names.length > 0 && names.every((name) => NAME.test(name))) return names;
    }
  }
  return undefined;
}

/**
 * A letter's list of inspectors as splitNames reads it, without the part a named inspector
 * played ("Sarah Example, Her Majesty’s Inspector (designate), as a supernumerary inspector"),
 * and whether or not the sentence ends with its full stop (Westminster 2022 has none).
 */
function letterNames(list: string): string[] {
  return splitNames(list.replace(/,?\s*\bas (?:a|an|the) [a-z -]*inspector\b/g, ','));
}

/**
 * "A, HMI, B and C" or "A, B and C, all of whom are HMI" -> [A, B, C], titles removed. A title
 * leaves a comma, so that one before a name ("A, Her Majesty’s Inspector, HMI B") never joins
 * two names.
 */
export function splitNames(list: string): string[] {
  return list
    .replace(INSPECTOR_TITLE, ',')
    // A role before or after a name: "lead inspector A and team inspectors B and C", "A, lead inspector".
    .replace(/\b(?:lead|team) inspectors?\b/g, ',')
    // "Her Majesty’s Inspector, A and Her Majesty’s Inspector, B": "and" is left before the comma.
    .replace(/\s+and\s*(?=,)/g, '')
    // The words that went with a title: "two of", "all of whom are", "both".
    .replace(/,?\s*\b(?:(?:two|three|four|five|six) of|(?:all|both|each)(?: of whom (?:are|were))?)\s*(?=,|$)/g, ',')
    .split(/\s*,\s*(?:and\s+|with\s+)?|\s+and\s+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** The signer's name: the first line after "Yours sincerely", without a title after it. */
export function signerName(signature: readonly string[][]): string | undefined {
  const line = signature[0]?.[0];
  if (!line) return undefined;
  const name = line.replace(INSPECTOR_TITLE, '').trim();
  return NAME.test(name) ? name : undefined;
}

/** The lead inspector is the one who signs the letter: put them first. */
export function leadFirst(inspectors: readonly string[], signer: string | undefined): string[] {
  if (!signer) return [...inspectors];
  const index = inspectors.findIndex((name) => name.toLowerCase() === signer.toLowerCase());
  if (index <= 0) return [...inspectors];
  return [inspectors[index]!, ...inspectors.slice(0, index), ...inspectors.slice(index + 1)];
}

/**
 * An authority's name: "... Council", "London Borough of ...", "City of ...", without "local
 * authority" after it (the letters' "London Borough of Barnet local authority"), which is not
 * part of a name. A name with commas only where it lists places ("Bournemouth, Christchurch and
 * Poole Council"), never a role or an address before it ("Director, Children’s Services, ...").
 */
function asAuthority(candidate: string): string | undefined {
  const name = candidate.trim().replace(/^the\s+/i, '').replace(/\s+local authority$/i, '');
  if (/^(?:(?:London|Royal) Borough of|City of|Council of the) \p{Lu}/u.test(name) || /^\p{Lu}.*\bCouncil$/u.test(name)) {
    if (!name.includes(',')) return name;
    return /^\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)*(?:, \p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)*)+ and [\p{Lu}\p{L} -]+ Council$/u.test(name) ? name : undefined;
  }
  return undefined;
}

/** Words of a role or a department, which no council's name has. */
const ROLE = /\b(?:Director|Directorate|Executive|Officer|Services|Service|Department|Manager|Head)\b/g;

/**
 * The council's name in a line of the addressee block: the line, or its last part after a comma,
 * or what follows a role on the same line ("Director of Children’s Services Plymouth City
 * Council"). A children's trust named with its council ("Slough Children First and Slough
 * Borough Council") gives the council: the part after "and" that begins with the same place.
 */
function authorityInHeadLine(line: string): string | undefined {
  const role = [...line.matchAll(ROLE)].at(-1);
  const afterRole = role ? line.slice(role.index + role[0].length).replace(/^[\s,]+/, '') : line;
  const candidates = role ? [afterRole] : [line, line.split(',').pop() ?? ''];
  for (const candidate of candidates) {
    const joint = /^(\p{Lu}\p{L}*)\b[^,]* (?:and|&) (\1\b.*)$/u.exec(candidate);
    const name = (joint ? asAuthority(joint[2]!) : undefined) ?? asAuthority(candidate);
    if (name) return name;
  }
  return undefined;
}

const VISIT_TO = /\b(?:visit|inspection) (?:to|of) (?:the )?([^.]+?) children[’']s services\b/;

/**
 * The authority, as the letter names it: "the monitoring visit to Herefordshire County Council
 * children’s services"; failing that, the line of the addressee block that is the council's
 * name; failing that, the council as the subject line or first paragraphs name it, however
 * that is ("Dudley Metropolitan Borough", "Sheffield", "Torbay local authority"), without
 * "local authority", which is not part of a name.
 */
export function findAuthority(paragraphs: readonly string[], head: readonly string[], subject?: string): string | undefined {
  const texts = [...(subject ? [subject] : []), ...paragraphs.slice(0, 3)];
  for (const text of texts) {
    const match = VISIT_TO.exec(text);
    const name = match ? asAuthority(match[1]!) : undefined;
    if (name) return name;
  }
  for (const line of head) {
    const name = authorityInHeadLine(line);
    if (name) return name;
  }
  for (const text of texts) {
    const match = VISIT_TO.exec(text);
    const name = match?.[1]!.replace(/\s+local authority$/i, '').trim();
    if (name && /^\p{Lu}/u.test(name) && name.split(' ').length <= 8) return name;
  }
  return undefined;
}

/** The kind of visit, from the subject line ("Monitoring visit to ..."), else the first paragraph. */
export function findKind(title: string | undefined, paragraphs: readonly string[]): ReportKind | undefined {
  const fromText = (text: string): ReportKind | undefined => {
    if (/\bmonitoring visit\b/i.test(text)) return 'monitoring-visit';
    if (/\bfocused visit\b/i.test(text)) return 'focused-visit';
    if (/\bjoint targeted area inspection\b/i.test(text)) return 'joint-targeted-area-inspection';
    if (/\binspection of\b/i.test(text)) return 'inspection';
    return undefined;
  };
  if (title) {
    const kind = fromText(title);
    if (kind) return kind;
  }
  const first = paragraphs[0];
  // A subject line read as the first paragraph, where extraction put another line before it.
  if (first && /^(?:Focused|Monitoring) visit (?:to|of)\b/.test(first)) return fromText(first);
  const findings = first ? /\bfindings of (?:the|a|an) ([a-z ]+?(?:visit|inspection))\b/i.exec(first) : null;
  return findings ? fromText(`${findings[1]} of`) : undefined;
}

function isAreasHeading(text: string): boolean {
  return /^(?:areas covered|(?:the )?focus of the visit)/i.test(text);
}

/**
 * The areas the visit covered:
 * 1. the list under "Areas covered by the visit";
 * 2. else a list introduced by a sentence about the areas looked at ("... in the following
 *    areas:") near the start;
 * 3. else, for a focused visit, the sentence that states its focus ("Inspectors looked at the
 *    local authority’s arrangements for ...", "The focus of this visit was on ..."), as one item
 *    with a capital and a full stop, like the items of a list.
 */
export function findAreasCovered(body: readonly Block[], kind: ReportKind | undefined): string[] | undefined {
  const headingIndex = body.findIndex((block) => block.type === 'heading' && isAreasHeading(block.text));
  if (headingIndex >= 0) {
    for (const block of body.slice(headingIndex + 1)) {
      if (block.type === 'heading') break;
      if (block.type === 'list') return [...block.items];
    }
  }

  const opening = body.slice(0, 6);
  for (let index = 0; index + 1 < opening.length; index++) {
    const block = opening[index]!;
    const next = opening[index + 1]!;
    if (
      block.type === 'paragraph' &&
      next.type === 'list' &&
      /:$/.test(block.text) &&
      /\b(?:areas?|looked at|evaluated|focus(?:ed)?|reviewed|considered)\b/i.test(block.text)
    ) {
      return [...next.items];
    }
  }

  if (kind === 'focused-visit') {
    // "Inspectors looked at ...", "During this visit, inspectors evaluated ...", "The focus of
    // this visit was on ...". Not the sentence about the evidence read ("Inspectors looked at a
    // range of evidence, including ..."), which says how, not what: the search goes on past it.
    const regex =
      /(?<=^|[.!?][’”']?\s+)(?:(?:During|On) (?:this|the) visit,? )?(?:(?:[Tt]he )?(?:[Ii]nspectors|This visit|The visit) (?:looked at|evaluated|considered|reviewed|focused on|examined)|The (?:main )?focus of (?:this|the) visit was(?: on)?) (.+?)\.([’”']?)(?=\s|$)/g;
    for (const block of body) {
      if (block.type === 'heading') break;
      if (block.type !== 'paragraph') continue;
      for (const match of block.text.matchAll(regex)) {
        const clause = match[1]!;
        if (/^(?:a (?:\w+ )?range of |evidence\b)/i.test(clause)) continue;
        // A closing quote after the full stop stays with the words it closes ("the ‘front door.’").
        return [`${clause.charAt(0).toUpperCase()}${clause.slice(1)}.${match[2]!}`];
      }
    }
  }
  return undefined;
}

/** The date at the top of the letter: the first line of the letter head that is a date. */
export function findLetterDate(head: readonly string[]): string | undefined {
  for (const line of head) {
    if (!DATE_LINE.test(line)) continue;
    const range = parseDateRange(line);
    if (range) return range.start;
  }
  return undefined;
}

/**
 * The visit's dates: the first span of days in the first paragraph about a visit that gives
 * one; failing that, days without a year, dated by the letter.
 */
function findVisitDates(paragraphs: readonly string[], letterDate: string | undefined): DateRange | undefined {
  const aboutAVisit = paragraphs.filter((text) => /\b(?:visit|inspection|inspected)\b/i.test(text));
  for (const text of aboutAVisit) {
    const dates = parseDateRange(text);
    if (dates) return dates;
  }
  if (!letterDate) return undefined;
  for (const text of aboutAVisit) {
    const dates = parseYearlessRange(text, letterDate);
    if (dates) return dates;
  }
  return undefined;
}

/** The body's paragraphs and list items as text, for the finders that read sentences. */
function paragraphTexts(body: readonly Block[]): string[] {
  return body.flatMap((block) => (block.type === 'list' ? block.items : block.type === 'paragraph' ? [block.text] : []));
}

/** Every field the letter states; a field it does not state is left out. */
export function extractFields(letter: LetterParts): ExtractedFields {
  const paragraphs = paragraphTexts(letter.body);
  const fields: ExtractedFields = {};

  // A postcode the PDF prints a second time at the subject line's height comes out glued to
  // its start ("BA14 8JNFocused visit to ...", Wiltshire 2022): the body keeps it where the
  // text has it, the title is the subject without it.
  if (letter.subject) fields.title = letter.subject.replace(/^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}(?=\p{Lu}\p{Ll})/u, '');
  fields.kind = findKind(letter.subject, paragraphs);
  if (fields.kind === 'monitoring-visit') {
    fields.visitNumber = findVisitNumber(paragraphs);
    fields.followsUp = findFollowsUp(paragraphs);
  }
  fields.authority = findAuthority(paragraphs, letter.head, letter.subject);

  fields.letterDate = findLetterDate(letter.head);
  const visit = findVisitDates(paragraphs, fields.letterDate);
  fields.visitStart = visit?.start;
  fields.visitEnd = visit?.end;
  // A letter dated before its visit carries a misprint (Dudley: "21 January 2019" on a letter
  // about a December 2019 visit): which date is wrong is not for the importer to say, so the
  // letter's date is left for the editor, never corrected.
  if (fields.letterDate && fields.visitStart && fields.letterDate < fields.visitStart) fields.letterDate = undefined;

  const inspectors = findInspectors(paragraphs);
  if (inspectors) fields.inspectors = leadFirst(inspectors, signerName(letter.signature));
  fields.areasCovered = findAreasCovered(letter.body, fields.kind);

  // Drop what was not found, so the object holds only what the letter states.
  for (const key of Object.keys(fields) as Array<keyof ExtractedFields>) {
    if (fields[key] === undefined) delete fields[key];
  }
  return fields;
}
