/**
 * The glossary plugin inside the real Sätteri MDX pipeline (tests/helpers/satteri.ts), after the
 * anchors plugin as in astro.config.mjs: which uses are linked, and that the words do not change.
 */
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { paragraphText } from '../../../src/lib/record/anchor-manifest.ts';
import type { GlossaryTerm } from '../../../src/lib/glossary/matching.ts';
import hastGlossaryTerms from '../../../src/plugins/hast-glossary-terms.ts';
import { TERM_CLASS } from '../../../src/lib/glossary/matching.ts';
import hastParagraphAnchors from '../../../src/plugins/hast-paragraph-anchors.ts';
import { compileMdx, staticHtml } from '../../helpers/satteri.ts';

const source = { title: 'Working together to safeguard children 2023', url: 'https://www.gov.uk/government/publications/working-together-to-safeguard-children--2' };
const TERMS: GlossaryTerm[] = [
  { id: 'mash', term: 'MASH', aliases: ['multi-agency safeguarding hub'], expansion: 'multi-agency safeguarding hub', definition: 'A team.', source },
  { id: 'section-47', term: 'section 47', aliases: ['child protection enquiry'], definition: 'Enquiries.', source },
  { id: 'child-protection-plan', term: 'child protection plan', aliases: [], definition: 'A plan.', source },
];

async function tree(mdx: string, base = '/'): Promise<Root> {
  return (await compileMdx(mdx, { hastPlugins: [hastParagraphAnchors, hastGlossaryTerms({ terms: TERMS, base })] })).tree;
}

function links(root: Root): Array<[string, string]> {
  return selectAll(`a.${TERM_CLASS}`, root).map((link) => [String(link.properties.href), toText(link)]);
}

const LETTER = `<LetterHead>

Dear MASH manager

</LetterHead>

## The MASH

The MASH is busy. The MASH again.

Section 47 enquiries and a child protection plan. The [MASH](https://example.org/) link.

- Child Protection Plans are reviewed; section 47 again.

<SignOff>

MASH

</SignOff>
`;

describe('hast-glossary-terms (Sätteri)', () => {
  it('links the first use of each term on the page, never in the letter head, headings, links or sign-off', async () => {
    const root = await tree(LETTER);
    expect(links(root)).toEqual([
      ['/glossary/#mash', 'MASH'],
      ['/glossary/#section-47', 'Section 47'],
      ['/glossary/#child-protection-plan', 'child protection plan'],
    ]);
    // The first use is in the first paragraph, not the heading or letter head.
    expect(select('#p1 a.term', root)).toBeDefined();
    expect(selectAll('h2 a.term', root)).toEqual([]);
  });

  it('keeps the letter’s words: the expansion is in the link’s attributes only, never in the text', async () => {
    const root = await tree(LETTER);
    expect(paragraphText(select('#p1', root)!)).toBe('The MASH is busy. The MASH again.');
    expect(toText(select('#p1', root)!)).toBe('The MASH is busy. The MASH again.');
    const link = select('a.term', root)!;
    expect(link.children.map((child) => child.type)).toEqual(['text']);
    expect(toText(link)).toBe('MASH');
    expect(link.properties.ariaLabel).toBe('MASH (multi-agency safeguarding hub)');
    expect(link.properties.dataExpansion).toBe('multi-agency safeguarding hub');
  });

  it('gives a phrase with no expansion a plain link, and an expansion only where the words do not say it already', async () => {
    const root = await tree('The multi-agency safeguarding hub and section 47.\n');
    expect(links(root)).toEqual([
      ['/glossary/#mash', 'multi-agency safeguarding hub'],
      ['/glossary/#section-47', 'section 47'],
    ]);
    expect(selectAll('a.term[aria-label], a.term[data-expansion]', root)).toEqual([]);
  });

  it('matches acronyms by exact case and whole words only', async () => {
    const root = await tree('Mash potato, MASHED and SMASH. Then MASHs.\n');
    expect(links(root)).toEqual([['/glossary/#mash', 'MASHs']]);
  });

  it('links under the base the site is built with', async () => {
    expect(links(await tree('The MASH.\n', '/inspections/'))).toEqual([['/inspections/glossary/#mash', 'MASH']]);
  });

  it('counts first uses again on every page', async () => {
    await tree('The MASH.\n');
    expect(links(await tree('The MASH again.\n'))).toEqual([['/glossary/#mash', 'MASH']]);
  });
});

describe('hast-glossary-terms in the compiled module', () => {
  it('writes the link with its name and expansion as the page renders them', async () => {
    const { code } = await compileMdx('The MASH.\n', { hastPlugins: [hastParagraphAnchors, hastGlossaryTerms({ terms: TERMS, base: '/' })] });
    const html = staticHtml(code);
    expect(html).toContain('aria-label="MASH (multi-agency safeguarding hub)"');
    expect(html).toContain('data-expansion="multi-agency safeguarding hub"');
    expect(html).toContain('href="/glossary/#mash"');
  });
});
