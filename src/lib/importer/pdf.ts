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
    const below = lines.filter((line) => line.y <= mark.y + 1 && mark.y - line.y <= bodySize).sort((a, b) => b.y - a.y)[0];
    if (below) below.pieces.push(mark);
    else lines.push({ y: mark.y, fontSize: mark.fontSize, pieces: [mark] });
  }
  for (const line of lines) line.pieces.sort((a, b) => a.x - b.x);
  // PDF coordinates grow upwards: the top line has the largest y.
  return lines.sort((a, b) => b.y - a.y).filter((line) => lineText(line) !== '');
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

  return linesByPage
    .map((lines) =>
      lines
        .map((line, index) => {
          const previous = lines[index - 1];
          const gap = previous ? previous.y - line.y : 0;
          const paragraphBreak = previous !== undefined && step > 0 && gap > step * 1.5;
          return `${paragraphBreak ? '\n' : ''}${lineText(line)}`;
        })
        .join('\n'),
    )
    .join('\f');
}
