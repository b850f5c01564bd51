/**
 * A paragraph's fingerprint: a hash of its published words, so that anyone holding a quotation
 * can check it is still the paragraph's exact text (about page, "Checking a quotation").
 *
 * One hash, three uses: content/anchors.json records the full hash of every anchor's words (the
 * test that keeps published links permanent), /data/findings.json carries it for every
 * paragraph, and a citation carries its first eight hex digits, short enough to read aloud.
 * The words are the paragraph's text as the anchor manifest reads it: the letter's words only,
 * whitespace collapsed (src/lib/record/anchor-manifest.ts, paragraphText).
 */
import { createHash } from 'node:crypto';

/** The full hash of a paragraph's words: sha-256, first 16 hex digits. */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The digits a citation carries: the first 8 of `hashText`. */
export const FINGERPRINT_LENGTH = 8;

export function fingerprint(text: string): string {
  return hashText(text).slice(0, FINGERPRINT_LENGTH);
}
