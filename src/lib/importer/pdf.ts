/**
 * A PDF's text layer as the plain text the importer reads, through unpdf (PDF.js).
 *
 * PDF.js gives positioned pieces of text, not lines or paragraphs, and its own `extractText`
 * drops the blank line between paragraphs that the cleaner needs. So the pieces are put back
 * into lines by their baseline, and a blank line is written where the gap to the next line is
 * clearly wider than the letter's ordinary line spacing. Pages are separated by a form feed,
 * which the cleaner treats as a page break (joining a paragraph the page split).
 */
import { extractTextItems, getDocumentProxy } from 'unpdf';
import { ImportError } from './errors.ts';
import { isOlderInspectionReport } from './report.ts';

interface Piece {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

interface PdfLine {
  y: number;
  fontSize: number;
  pieces: Piece[];
}

/**
 * A footnote mark: a number or two set small and raised ("What needs to improve?¹"). It sits
 * higher than its line's baseline, so grouping by baseline alone would make it a line of its
 * own (read as a page number); it belongs to the nearest line below it.
 */
function isSuperscript(piece: Piece, bodySize: number): boolean {
  return /^\d{1,2}$/.test(piece.str.trim()) && piece.fontSize < bodySize * 0.8;
}

/** The commonest font size of a page's pieces: its body text. */
function bodyFontSize(pieces: readonly Piece[]): number {
  const counts = new Map<number, number>();
  for (const piece of pieces) counts.set(piece.fontSize, (counts.get(piece.fontSize) ?? 0) + piece.str.length);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** Groups a page's pieces into lines by baseline, top to bottom, left to right. */
function pageLines(pieces: readonly Piece[]): PdfLine[] {
  const lines: PdfLine[] = [];
  const bodySize = bodyFontSize(pieces);
  const marks: Piece[] = [];
  for (const piece of pieces) {
    if (piece.str === '') continue;
    if (isSuperscript(piece, bodySize)) {
      marks.push(piece);
      continue;
    }
    const tolerance = Math.max(2, piece.fontSize * 0.4);
    const line = lines.find((candidate) => Math.abs(candidate.y - piece.y) <= tolerance);
    if (line) {
      line.pieces.push(piece);
      line.fontSize = Math.max(line.fontSize, piece.fontSize);
    } else {
      lines.push({ y: piece.y, fontSize: piece.fontSize, pieces: [piece] });
    }
  }
  for (const mark of marks) {
    // Not a line of nothing but a space set at the mark's size after it (Birmingham 2014): that
    // line is dropped, and the mark with it would stand alone, to be read as a page number.
    const below = lines
      .filter((line) => line.y <= mark.y + 1 && mark.y - line.y <= bodySize && line.pieces.some((piece) => piece.str.trim() !== ''))
      .sort((a, b) => b.y - a.y)[0];
    if (below) below.pieces.push(mark);
    else lines.push({ y: mark.y, fontSize: mark.fontSize, pieces: [mark] });
  }
  for (const line of lines) line.pieces.sort((a, b) => a.x - b.x);
  // PDF coordinates grow upwards: the top line has the largest y.
  return attachTitleMarks(lines.sort((a, b) => b.y - a.y).filter((line) => lineText(line) !== ''));
}

/**
 * A footnote mark on a line set larger than the page's body (a report's title, "... Children
 * Board¹") is not small beside the body text, which on a title page may be the footnote's own
 * small print: it is left a line of its own by `pageLines`. Such a line, one small number
 * raised just above the end of a line in a larger font, is that line's mark.
 */
function attachTitleMarks(lines: PdfLine[]): PdfLine[] {
  return lines.filter((mark, index) => {
    const piece = mark.pieces[0]!;
    if (mark.pieces.length !== 1 || !/^\d{1,2}$/.test(piece.str.trim())) return true;
    const below = lines[index + 1];
    if (!below || below.fontSize * 0.8 <= piece.fontSize) return true;
    const rise = mark.y - below.y;
    const last = below.pieces[below.pieces.length - 1]!;
    const end = last.x + last.width;
    if (rise <= 0 || rise > below.fontSize * 0.6 || piece.x < end - 2 || piece.x - end > below.fontSize) return true;
    below.pieces.push(piece);
    return false;
  });
}

/** A line's text: pieces joined, with a space where the layout leaves a gap between them. */
function lineText(line: PdfLine): string {
  let text = '';
  let end: number | undefined;
  for (const piece of line.pieces) {
    const gap = end === undefined ? 0 : piece.x - end;
    if (text !== '' && gap > piece.fontSize * 0.15 && !/\s$/.test(text) && !/^\s/.test(piece.str)) text += ' ';
    text += piece.str;
    end = piece.x + piece.width;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The letter's ordinary line spacing: a low percentile of the distances between consecutive
 * lines. Not the median, because a letter head with a gap after every line, or many short
 * paragraphs, can make paragraph gaps the commonest distance; not the minimum, because one
 * raised or lowered fragment would make every ordinary line look like a paragraph break.
 */
function lineSpacing(steps: readonly number[]): number | undefined {
  if (steps.length === 0) return undefined;
  const sorted = [...steps].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * 0.1)];
}

/**
 * The text of a PDF, pages separated by form feeds and paragraphs by blank lines.
 * Throws ImportError if the bytes are not a readable PDF or the PDF has no text layer.
 */
export async function pdfToText(bytes: Uint8Array, fileName: string): Promise<string> {
  // A download that failed often saves the web page instead, under the PDF's name.
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!start.includes('%PDF-') && /<(?:!doctype html|html)\b/i.test(start)) {
    throw new ImportError(
      'unreadable-pdf',
      fileName,
      'this file is a web page (HTML), not a PDF: the download probably saved a page instead of the document',
      'download the PDF itself again, then import that',
    );
  }
  let pages: Piece[][];
  try {
    // PDF.js may take over the buffer it is given: give it a copy.
    const document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      pages = (await extractTextItems(document)).items;
    } finally {
      await document.destroy();
    }
  } catch (error) {
    throw new ImportError(
      'unreadable-pdf',
      fileName,
      `this PDF cannot be read (${(error as Error).message.replace(/\s+/g, ' ').replace(/\.$/, '')})`,
      'check the file downloaded completely, or extract its text to a .txt file and import that',
    );
  }

  const linesByPage = pages.map(pageLines);
  if (linesByPage.every((lines) => lines.length === 0)) {
    throw new ImportError(
      'no-text-layer',
      fileName,
      'this PDF has no text layer (it is probably a scanned image)',
      'run OCR on it (for example ocrmypdf) or extract its text to a .txt file first, then import that',
    );
  }

  // The ordinary distance from one line to the next, over the whole letter.
  // (Lines closer than most of a font size apart are not two lines of prose: left out.)
  const steps: number[] = [];
  for (const lines of linesByPage) {
    for (let index = 1; index < lines.length; index++) {
      const step = lines[index - 1]!.y - lines[index]!.y;
      if (step >= lines[index]!.fontSize * 0.8) steps.push(step);
    }
  }
  const step = lineSpacing(steps) ?? 0;

  const write = (forcedBreaks: boolean): string => {
    const margin = forcedBreaks ? rightMargin(linesByPage.flat()) : undefined;
    return linesByPage
      .map((lines, pageIndex) => {
        // Not on the first page, the report's head: the paragraph on its overall judgement is
        // kept one block as it always was (Herefordshire's 2014 report, edited, has it so).
        const right = pageIndex > 0 ? margin : undefined;
        const left = leftMargin(lines);
        return lines
          .map((line, index) => {
            const previous = lines[index - 1];
            const gap = previous ? previous.y - line.y : 0;
            const paragraphBreak =
              previous !== undefined && ((step > 0 && gap > step * 1.5) || (right !== undefined && gap <= step * 1.5 && endsParagraph(previous, line, left, right)));
            return `${paragraphBreak ? '\n' : ''}${lineText(line)}`;
          })
          .join('\n');
      })
      .join('\f');
  };
  // The 2013-2018 reports' paragraphs often follow each other with no gap at all: there the
  // lines show where they end. Elsewhere (letters, later reports) paragraphs have a gap, and a
  // line ended short without one is a line break inside a paragraph: read as it always was.
  const text = write(false);
  return isOlderInspectionReport(text) ? write(true) : text;
}

/** Where a line's last piece ends. */
function lineEnd(line: PdfLine): number {
  return Math.max(...line.pieces.map((piece) => piece.x + piece.width));
}

/**
 * The text's right margin: most lines of prose run to it, so a high percentile of where lines
 * end (not the furthest: a page number or a wide table may stand out beyond it).
 */
function rightMargin(lines: readonly PdfLine[]): number | undefined {
  const ends = lines.filter((line) => lineText(line).length >= 40).map(lineEnd).sort((a, b) => a - b);
  if (ends.length < 20) return undefined;
  return ends[Math.floor((ends.length - 1) * 0.9)];
}

/**
 * The page's left margin: where its leftmost line of prose starts (a page number or a mark may
 * stand further left; a numbered paragraph's lines stand indented under its number, which is
 * at the margin).
 */
function leftMargin(lines: readonly PdfLine[]): number {
  // Lines of the body's size: a heading may stand further left (Derby 2017's board section).
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(line.fontSize, (counts.get(line.fontSize) ?? 0) + 1);
  const size = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const starts = lines.filter((line) => line.fontSize === size && lineText(line).length >= 40).map((line) => line.pieces[0]!.x);
  return starts.length > 0 ? Math.min(...starts) : 0;
}

/**
 * A paragraph ends at a line with no gap after it when the line ends a sentence and the next
 * line's first word would have fitted on it: text wraps only where the next word does not fit,
 * so a line left that short was ended on purpose. Only between lines of prose at the left margin,
 * of the same size, the next starting with a capital (a table's rows and a list's
 * bullets stand elsewhere).
 */
function endsParagraph(line: PdfLine, next: PdfLine, left: number, right: number): boolean {
  const text = lineText(line);
  const following = lineText(next);
  if (!/[.!?:]["”’')\]]*$/.test(text) || !/^["“‘'(]*\p{Lu}/u.test(following)) return false;
  if (line.fontSize !== next.fontSize || Math.abs(line.pieces[0]!.x - next.pieces[0]!.x) > 1) return false;
  // Only at the margin: a numbered paragraph's lines stand indented under its number, and a
  // line ended short inside one is a line break within Ofsted's paragraph, not a new one.
  if (Math.abs(line.pieces[0]!.x - left) > 1.5) return false;
  const first = next.pieces[0]!;
  const word = first.str.trimStart().split(/\s/)[0] ?? '';
  const wordWidth = first.str.length > 0 ? (first.width * word.length) / first.str.length : 0;
  // With a letter's width to spare: the word's width is estimated, and the margin is a percentile.
  return lineEnd(line) + line.fontSize * 0.3 + wordWidth + line.fontSize < right;
}
