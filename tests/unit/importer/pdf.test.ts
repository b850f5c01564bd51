/**
 * The PDF path: a letter drawn into a real PDF with pdf-lib (two pages, a standard font, a page
 * break inside a paragraph, bullets drawn apart from their text), read back through unpdf.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { mdxBlocks, stripFrontmatter } from '../../../src/lib/importer/blocks.ts';
import { ImportError, importPdf } from '../../../src/lib/importer/index.ts';
import { pdfToText } from '../../../src/lib/importer/pdf.ts';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/letters/pdf-letter.txt');

/**
 * Draws the fixture's lines, a form feed starting a new page, a blank line as a paragraph gap,
 * headings in bold, and "Page N of M" at the foot of each page. The standard fonts use WinAnsi,
 * which has the letter's curly apostrophes and the bullet.
 */
async function letterPdf(text: string): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const pages = text.split('\f');
  pages.forEach((pageText, index) => {
    const page = document.addPage([595, 842]);
    let y = 790;
    for (const line of pageText.split('\n')) {
      if (line !== '') {
        if (line.startsWith('• ')) {
          page.drawText('•', { x: 50, y, size: 10, font });
          page.drawText(line.slice(2), { x: 62, y, size: 10, font });
        } else {
          const heading = /^(?:Headline findings|What needs to improve)/.test(line);
          page.drawText(line, { x: 50, y, size: 10, font: heading ? bold : font });
        }
      }
      y -= 13;
    }
    page.drawText(`Page ${index + 1} of ${pages.length}`, { x: 270, y: 30, size: 9, font });
  });
  return document.save();
}

describe('importing a PDF', async () => {
  const text = await readFile(fixture, 'utf8');
  const bytes = await letterPdf(text);
  const result = await importPdf(bytes, { fileName: 'letters/pdf-letter.pdf' });
  const blocks = mdxBlocks(stripFrontmatter(result.mdx));

  it('reads the text layer back into lines, blank lines between paragraphs, a form feed between pages', async () => {
    const extracted = await pdfToText(bytes, 'letters/pdf-letter.pdf');
    expect(extracted.split('\f')).toHaveLength(2);
    expect(extracted).toContain('9 July 2021\n\nLou Placeholder\nDirector of Children’s Services\n');
    expect(extracted).toContain('• The timeliness of life-story work for children in care.\n');
  });

  it('finds the frontmatter', () => {
    expect(result.slug).toBe('2021-06-focused-visit');
    expect(result.frontmatter).toMatchObject({
      title: 'Focused visit to Exampleshire County Council children’s services',
      kind: 'focused-visit',
      authority: 'Exampleshire County Council',
      visitStart: '2021-06-09',
      visitEnd: '2021-06-10',
      letterDate: '2021-07-09',
      inspectors: ['Max Example', 'Nat Sample'],
      areasCovered: ['The local authority’s arrangements for children in care, including children who live with connected carers.'],
    });
  });

  it('writes the letter’s paragraphs, headings and list, joining the paragraph split across the pages', () => {
    expect(blocks.map((block) => [block.type, block.text])).toEqual([
      ['paragraph', '9 July 2021'],
      ['paragraph', 'Lou Placeholder\nDirector of Children’s Services\nExampleshire County Council\nCounty Hall\nSampleton\nZZ3 4EF'],
      ['paragraph', 'Dear Lou'],
      ['paragraph', 'Focused visit to Exampleshire County Council children’s services'],
      [
        'paragraph',
        'This letter summarises the findings of the focused visit to Exampleshire County Council children’s services on 9 and 10 June 2021. Her Majesty’s Inspectors for this visit were Max Example and Nat Sample. Everything in this letter is fictional.',
      ],
      ['paragraph', 'Inspectors looked at the local authority’s arrangements for children in care, including children who live with connected carers.'],
      ['heading', 'Headline findings'],
      [
        'paragraph',
        'Children in care in Exampleshire live with carers who know them well. Social workers visit children regularly and see them alone. Leaders have improved the quality of plans for children, but too many children wait too long for their life-story work.',
      ],
      ['heading', 'What needs to improve in this area of social work practice'],
      ['list-item', 'The timeliness of life-story work for children in care.'],
      ['list-item', 'The recording of children’s views in their reviews.'],
      ['paragraph', 'Yours sincerely'],
      ['paragraph', 'Max Example\nHer Majesty’s Inspector'],
    ]);
  });
});

describe('PDFs that cannot be imported', () => {
  it('refuses corrupt bytes, naming the file and a fix', async () => {
    const error = await importPdf(new TextEncoder().encode('%PDF-1.7\nnot really a PDF at all'), { fileName: 'letters/broken.pdf' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('unreadable-pdf');
    expect((error as ImportError).message).toMatch(/^import: letters\/broken\.pdf: this PDF cannot be read \(.+\)\. Fix: .+$/);
  });

  it('refuses a web page saved under a PDF’s name, saying what it is', async () => {
    const page = new TextEncoder().encode('<!DOCTYPE html>\n<html lang="en"><head><title>Ofsted</title></head></html>');
    const error = await importPdf(page, { fileName: 'report.pdf' }).catch((e: unknown) => e);
    expect((error as ImportError).code).toBe('unreadable-pdf');
    expect((error as ImportError).message).toMatch(/^import: report\.pdf: this file is a web page \(HTML\), not a PDF.+\. Fix: .+$/);
  });

  it('refuses a PDF without a text layer and suggests OCR', async () => {
    const document = await PDFDocument.create();
    document.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600 });
    const error = await importPdf(await document.save(), { fileName: 'scan.pdf' }).catch((e: unknown) => e);
    expect((error as ImportError).code).toBe('no-text-layer');
    expect((error as ImportError).message).toMatch(/^import: scan\.pdf: this PDF has no text layer .*Fix: run OCR/);
  });
});
