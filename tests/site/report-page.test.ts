import { readFile } from 'node:fs/promises';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, it } from 'vitest';
import { paragraphText } from '../../src/lib/record/anchor-manifest.ts';
import { sharedFile } from '../helpers/shared.ts';
import { builtPage, text } from '../helpers/site.ts';

const SLUG = '2025-06-monitoring-visit-7';
/**
 * The seed as extracted from Ofsted's PDF, in the shared folder beside the checkout (as in CI).
 * Where the folder is absent there is no source to compare the page's words with, so that one
 * test is not registered; the rest of this file checks the page on its own.
 */
const SEED = sharedFile('seeds/2025-06-monitoring-visit-7.txt');

/**
 * The seed's words in order, with only its documented extraction artefacts undone: page-break
 * spaces, stray `B` bullets, line breaks, and the misread postcode. Nothing else is touched, so
 * any word lost, added or reordered on the page fails the comparison.
 */
function seedWords(seed: string): string {
  const joined = seed
    .split('\n')
    .map((line) => line.replace(/^ /, '').replace(/^B /, ''))
    .reduce((all, line) => (all.endsWith('-') ? all + line : `${all} ${line}`), '');
  return joined.replace(/\s+/g, ' ').trim().replace('HR4 OLE', 'HR4 0LE');
}

describe(`/reports/${SLUG}/`, () => {
  let letter: Element;
  let facts: Element;

  beforeAll(async () => {
    const { tree } = await builtPage(`/reports/${SLUG}/`);
    letter = select('article.letter', tree)!;
    facts = select('.facts', tree)!;
    expect(letter).toBeDefined();
    expect(facts).toBeDefined();
  });

  it.runIf(SEED !== undefined)('publishes every word of the letter, in order, exactly as issued', async () => {
    const seed = await readFile(SEED!, 'utf8');
    expect(paragraphText(letter)).toBe(seedWords(seed));
  });

  it('keeps the letter’s lists as lists and its headings as headings', () => {
    const items = selectAll('ul > li', letter).map(paragraphText);
    expect(items).toEqual([
      'The quality of matching, placement and decision-making for children in care.',
      'The experiences and progress of children in care.',
    ]);
    expect(selectAll('h2', letter).map(text)).toEqual([
      'Areas covered by the visit',
      'Headline findings',
      'Findings and evaluation of progress',
    ]);
  });

  it('rejoins paragraphs split by page breaks, and splits none', () => {
    const paragraphs = selectAll('p[id]', letter).map(paragraphText);
    const stability = paragraphs.find((p) => p.startsWith('Workforce stability has improved.'));
    expect(stability).toContain('which means most children in care have had the same social worker over the last year.');
    expect(paragraphs.some((p) => p.includes('until a well-matched placement can be found'))).toBe(true);
    // Each numbered paragraph starts a sentence with a capital letter.
    for (const paragraph of paragraphs) expect(paragraph).toMatch(/^[A-Z]/);
  });

  it('numbers every paragraph and list item p1, p2, ... with a "Link to paragraph N" control', () => {
    const numbered = selectAll('[id^="p"]', letter).filter((node) => /^p\d+$/.test(String(node.properties.id)));
    expect(numbered.length).toBe(22);
    numbered.forEach((node, index) => {
      expect(node.properties.id).toBe(`p${index + 1}`);
      const link = select('a.paragraph-link', node)!;
      expect(link.properties.href).toBe(`#p${index + 1}`);
      expect(link.properties.ariaLabel).toBe(`Link to paragraph ${index + 1}`);
      // The visible number is CSS generated content: the link holds no text to copy.
      expect([link.properties.dataNumber, text(link)]).toEqual([String(index + 1), '']);
    });
    // The letter head and sign-off are part of the letter but carry no numbers.
    expect(selectAll('.letter-head [id], .sign-off [id]', letter)).toEqual([]);
    expect(paragraphText(numbered[11]!)).toMatch(/^Most supervision is regular, reflective and purposeful/);
  });

  it('shows the facts of the visit', () => {
    const terms = selectAll('dl > dt', facts);
    const details = selectAll('dl > dd', facts);
    const entries = new Map(terms.map((term, index) => [text(term), text(details[index]!)]));
    expect(entries.get('Inspectors on site')).toBe('17 and 18 June 2025');
    expect(entries.get('Letter dated')).toBe('17 July 2025');
    expect(entries.get('Inspectors')).toBe('Alison Smale (lead inspector), Tom Anthony, Sally Sinclair');
    expect(entries.get('Areas covered')).toContain('The experiences and progress of children in care.');
    expect(entries.get('Follows up')).toBe('The judgement of inadequate in July 2022');
    expect(entries.get('Licence')).toContain('Open Government Licence v3.0');
    const links = selectAll('a', facts).map((a) => String(a.properties.href));
    expect(links).toContain('https://reports.ofsted.gov.uk/');
    expect(links).toContain('https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/');
  });
});

describe('/reports/', () => {
  it('lists every report newest first, with kind, dates and headline', async () => {
    const { tree } = await builtPage('/reports/');
    const items = selectAll('.report-list > li', tree);
    expect(items).toHaveLength(14);
    const first = items[0]!;
    expect(text(select('h2', first)!)).toBe('Inspection, November 2025');
    expect(select('a', first)!.properties.href).toBe('/reports/2025-11-inspection/');
    expect(text(first)).toContain('Inspection · inspectors on site 10 to 21 November 2025');
    expect(text(first)).not.toContain('our summary');
    expect(text(first)).toContain('Children’s services were judged good, and the impact of leaders outstanding.');
    const letter = items[1]!;
    expect(text(select('h2', letter)!)).toBe('Monitoring visit 7, June 2025');
    expect(select('a', letter)!.properties.href).toBe(`/reports/${SLUG}/`);
    expect(text(letter)).toContain('Monitoring visit · inspectors on site 17 and 18 June 2025');
    expect(text(letter)).not.toContain('our summary');
    expect(text(letter)).toContain('The quality of practice for children in care has improved at pace');
    expect(text(items.at(-1)!)).toContain('Inspection · inspectors on site 29 April to 21 May 2014');
    expect(text(items.find((item) => text(item).includes('Monitoring visit 6'))!)).toContain('our summary, not the letter');
    const dates = items.map((item) => String(select('time', item)!.properties.dateTime));
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('/', () => {
  it('is a home page that leads to the reports', async () => {
    const { tree } = await builtPage('/');
    expect(selectAll('h1', tree)).toHaveLength(1);
    expect(selectAll('a', tree).map((a) => a.properties.href)).toContain('/reports/');
    expect(select('html', tree)!.properties.lang).toBe('en-GB');
    // Words either side of an inline element keep their space (Astro's compressHTML glued them).
    expect(text(select('footer', tree)!)).toContain('reproduced under the Open Government Licence v3.0.');
  });
});
