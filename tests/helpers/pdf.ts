/**
 * PDFs drawn for the importer's tests, with the artefacts of Ofsted's real ones: text laid out
 * in columns (a judgement table's grades, a footer's page number, a two-column address block),
 * bullets in a symbol font whose glyphs extraction reads as U+F06E (Wingdings, 2018-19) or `◼`
 * (2021 on), and footnote marks set small and raised.
 */
import { PDFDict, PDFDocument, PDFName, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

/** The bullet glyphs, and the code each is drawn with in the symbol font. */
const BULLETS: Record<string, number> = { '\uF06E': 0x6e, '◼': 0x6f };

/**
 * Gives the font a ToUnicode map, as Word does for Wingdings, so that extraction reads each
 * bullet's code as its character. Set once the pages are drawn: pdf-lib writes the font's
 * dictionary when it embeds it.
 */
async function mapBullets(document: PDFDocument, font: PDFFont): Promise<void> {
  await font.embed();
  const entries = Object.entries(BULLETS).map(
    ([char, code]) => `<${code.toString(16).toUpperCase()}> <${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`,
  );
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <00> <FF> endcodespacerange',
    `${entries.length} beginbfchar ${entries.join(' ')} endbfchar`,
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  document.context.lookup(font.ref, PDFDict).set(PDFName.of('ToUnicode'), document.context.register(document.context.stream(cmap)));
}

/**
 * Draws `pdftotext -layout`-like text: a form feed starts a page; each run of words stands at
 * its column; a bullet glyph is drawn in the symbol font; "?1" at the end of a run and a "1"
 * alone on its line (a footnote's number) are drawn as raised marks.
 */
export async function layoutPdf(text: string): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const symbols = await document.embedFont(StandardFonts.Helvetica);
  const mark = (page: PDFPage, x: number, y: number): void => void page.drawText('1', { x, y: y + 4, size: 6, font });
  for (const pageText of text.split('\f')) {
    const page = document.addPage([595, 842]);
    let y = 800;
    for (const line of pageText.split('\n')) {
      for (const run of line.matchAll(/\S+(?: \S+)*/g)) {
        let x = 50 + run.index * 5;
        let words = run[0];
        if (words === '1' && line.trim() === '1') {
          mark(page, x, y - 13);
          continue;
        }
        const bullet = BULLETS[words.charAt(0)];
        if (bullet !== undefined) {
          page.drawText(String.fromCharCode(bullet), { x, y, size: 10, font: symbols });
          words = words.slice(1).trim();
          x += 12;
        }
        const marked = /\?1$/.test(words);
        if (marked) words = words.slice(0, -1);
        page.drawText(words, { x, y, size: 10, font });
        if (marked) mark(page, x + font.widthOfTextAtSize(words, 10), y);
      }
      y -= 13;
    }
  }
  await mapBullets(document, symbols);
  return document.save();
}
