/**
 * What a document is, before it is read as a letter or a report: the other documents people
 * will try to import (Ofsted's reports on other services, council papers), and an Ofsted letter
 * wrapped in a council's covering report, which is cut out so the covering report is never
 * published as Ofsted's words.
 */
import { CLOSING, DATE_LINE, isOfstedAddressLine, normalise, SALUTATION } from './clean.ts';

/** The document's opening lines, as one line. */
function opening(text: string, lines = 40): string {
  return normalise(text).split(/[\n\f]/).slice(0, lines).join(' ').replace(/\s+/g, ' ');
}

/**
 * Where a document names itself: a letter's subject line (the two lines after "Dear ..."), or
 * a report's first fifteen lines. Not a letter's address block (a school's letter is addressed
 * to a director of children's services too), nor its findings, which may mention other
 * inspections.
 */
function titleRegion(text: string): string {
  const lines = normalise(text).split(/[\n\f]/).filter((line) => line.trim() !== '');
  const salutation = lines.slice(0, 40).findIndex(isSalutation);
  const region = salutation >= 0 ? lines.slice(salutation + 1, salutation + 3) : lines.slice(0, 15);
  return region.join(' ').replace(/\s+/g, ' ');
}

/**
 * Ofsted and CQC documents about other services, by what they say about themselves near the
 * start, and what each seems to be. Checked in order.
 */
const OTHER_DOCUMENTS: Array<{ test: (top: string, all: string) => boolean; what: string }> = [
  {
    test: (top) => /\b(?:area SEND|local area SEND|SEND inspection|joint local area (?:SEND )?inspection|local area partnership(?:’|')?s? (?:SEND )?arrangements)\b/i.test(top),
    what: 'an area SEND inspection report (special educational needs and disabilities in a local area partnership)',
  },
  {
    test: (top, all) =>
      /\b(?:Care Quality Commission|CQC)\b/.test(top) || (/\badult social care\b/i.test(top) && /\b(?:assessment|Care Act)\b/i.test(all)),
    what: 'an adult social care assessment (the Care Quality Commission’s, not Ofsted’s)',
  },
  {
    test: (top, all) =>
      /\b(?:school|academy|college|nursery)\b/i.test(top) && /\b(?:headteacher|head teacher|principal|pupils|governors|trust board)\b/i.test(all) &&
      !/\bchildren[’']s (?:services|social care)\b|\bchildren in need\b/i.test(top),
    what: 'a letter or report about a school or college inspection',
  },
];

/** A council's own paper: a committee, cabinet or scrutiny report, with its apparatus. */
export function looksLikeCouncilReport(text: string): boolean {
  const top = opening(text, 60);
  return (
    /\b(?:scrutiny|cabinet|committee|council meeting|health and wellbeing board)\b/i.test(top) &&
    /\b(?:recommendations?|report (?:of|by|author|title)|purpose of (?:the )?report|decision|agenda item|wards? affected|key decision|appendi(?:x|ces))\b/i.test(top)
  );
}

/**
 * Why this is not a document the importer takes, saying what it seems to be; undefined if it
 * may be one. A council report is only refused here when no whole Ofsted letter is inside it
 * (see `findWrappedLetter`).
 */
export function otherDocumentReason(text: string): string | undefined {
  const top = titleRegion(text);
  const all = normalise(text).replace(/\s+/g, ' ');
  for (const { test, what } of OTHER_DOCUMENTS) {
    if (test(top, all)) return `this seems to be ${what}, not an Ofsted children’s services letter or report`;
  }
  return undefined;
}

interface WrappedLetter {
  /** The letter alone, from Ofsted's address block (or its date) to its sign-off. */
  text: string;
  /** 1-based line numbers of the letter in the document. */
  from: number;
  to: number;
}

/** Lines tested against clean.ts's patterns, which read lines without their indent. */
function isSalutation(line: string): boolean {
  return SALUTATION.test(line.trim());
}
function isClosing(line: string): boolean {
  return CLOSING.test(line.trim());
}
function isLetterDate(line: string): boolean {
  return DATE_LINE.test(line.trim());
}

/**
 * A whole Ofsted letter inside another document (a cabinet report with the letter as its
 * appendix): the letter runs from Ofsted's address block, or failing that its date, above the
 * salutation, to the signature after "Yours sincerely" (name, then title). It is wrapped when
 * prose comes before it: a letter's own file starts with the letter. Found only when the letter
 * is whole; a report that quotes a letter holds none.
 */
export function findWrappedLetter(text: string): WrappedLetter | undefined {
  const lines = normalise(text).split('\n');
  const salutation = lines.findIndex(isSalutation);
  if (salutation < 0) return undefined;
  const closing = lines.findIndex((line, index) => index > salutation && isClosing(line));
  if (closing < 0) return undefined;

  let from = -1;
  for (let index = salutation - 1; index >= Math.max(0, salutation - 40); index--) {
    // Only a line of Ofsted's own address block counts: a covering report's sentence that starts
    // "Ofsted carried out ..." must never become the start of the letter.
    if (isOfstedAddressLine(lines[index]!)) from = index;
    else if (from < 0 && isLetterDate(lines[index]!)) from = index;
  }
  // Wrapped only if a covering report comes before it: a letter starts at the top of its file.
  if (from < 0) return undefined;
  const before = lines.slice(0, from).filter((line) => !isOfstedAddressLine(line));
  if (before.join(' ').split(/\s+/).filter((word) => /\p{L}/u.test(word)).length < 12) return undefined;

  // The signature: the group of short lines after the closing (name, title), and the next
  // group too when the first is the name alone and the next is the inspector's title.
  const group = (start: number): { from: number; to: number } => {
    let first = start;
    while (first < lines.length && lines[first]!.trim() === '') first++;
    let last = first;
    while (last < lines.length && lines[last]!.trim() !== '') last++;
    return { from: first, to: last - 1 };
  };
  const isShort = ({ from: first, to: last }: { from: number; to: number }): boolean =>
    last >= first && last - first < 3 && lines.slice(first, last + 1).every((line) => line.trim().length <= 60);
  let to = closing;
  const name = group(closing + 1);
  if (isShort(name)) {
    to = name.to;
    const title = group(name.to + 1);
    if (name.to === name.from && isShort(title) && /\b(?:Inspector|HMI)\b/.test(lines.slice(title.from, title.to + 1).join(' '))) to = title.to;
  }
  return { text: lines.slice(from, to + 1).join('\n'), from: from + 1, to: to + 1 };
}
