/**
 * The bytes of a text file as text, in the encodings people's tools save: UTF-8 (with or
 * without a byte-order mark), UTF-16 with a byte-order mark (Windows' "Unicode" text), and
 * Windows-1252 (older Windows tools' "ANSI"). Anything else is refused with a message that
 * names what the file seems to be, rather than read as mojibake.
 */
import { ImportError } from './errors.ts';

/** What the first bytes say the file is, when they say it. */
function byteOrderMark(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32' | undefined {
  const [a, b, c, d] = bytes;
  if ((a === 0x00 && b === 0x00 && c === 0xfe && d === 0xff) || (a === 0xff && b === 0xfe && c === 0x00 && d === 0x00)) return 'utf-32';
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  return undefined;
}

/** Files that are not text at all, by their signature: what to do instead. */
const NOT_TEXT: Array<{ signature: number[]; what: string; fix: string }> = [
  { signature: [0x50, 0x4b, 0x03, 0x04], what: 'a Word (.docx) or other zipped document', fix: 'save it from Word as plain text (UTF-8) or as PDF, and import that' },
  { signature: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Word (.doc) document', fix: 'save it from Word as plain text (UTF-8) or as PDF, and import that' },
  { signature: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'a rich text (.rtf) document', fix: 'save it as plain text (UTF-8) or as PDF, and import that' },
];

export function decodeText(bytes: Uint8Array, fileName: string): string {
  const mark = byteOrderMark(bytes);
  if (mark === 'utf-32') {
    throw new ImportError('unreadable-text', fileName, 'the file is UTF-32 text, which the importer does not read', 'save it as UTF-8 text (or UTF-16) and import that');
  }
  if (mark) return new TextDecoder(mark).decode(bytes);
  for (const { signature, what, fix } of NOT_TEXT) {
    if (signature.every((byte, index) => bytes[index] === byte)) throw new ImportError('unreadable-text', fileName, `the file is ${what}, not text`, fix);
  }
  // UTF-16 without a byte-order mark: every other byte of ASCII text is zero.
  const sample = bytes.subarray(0, 400);
  const zeros = sample.filter((byte) => byte === 0).length;
  if (zeros > sample.length / 4) {
    throw new ImportError(
      'unreadable-text',
      fileName,
      'the file looks like UTF-16 text without a byte-order mark, whose byte order cannot be known',
      'save it as UTF-8 text (or as UTF-16 with a byte-order mark) and import that',
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: text saved by older Windows tools, whose curly quotes and dashes are single bytes.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
