/** Searching the other forms of a glossary term, and counting what several searches found (src/lib/search/term-forms.ts). */
import { describe, expect, it } from 'vitest';
import { filtersWithValue, normalQuery, otherForms, paragraphsFound, type SearchExpansions } from '../../../src/lib/search/term-forms.ts';

const expansions: SearchExpansions = {
  mash: ['multi-agency safeguarding hub'],
  'multi agency safeguarding hub': ['MASH'],
  'section 47': ['s47', 'child protection enquiries'],
  s47: ['section 47', 'child protection enquiries'],
  'child protection enquiries': ['section 47', 's47'],
  'child in need': ['children in need', 'CIN'],
};

describe('normalQuery', () => {
  it('lower-cases, turns punctuation into spaces and keeps apostrophes, one kind of them', () => {
    expect(normalQuery('  Multi-Agency   Safeguarding Hub! ')).toBe('multi agency safeguarding hub');
    expect(normalQuery('Children’s services')).toBe("children's services");
    expect(normalQuery('?!')).toBe('');
  });
});

describe('otherForms', () => {
  it('gives the other forms of the term the whole query is, in any case and punctuation', () => {
    expect(otherForms('MASH', expansions)).toEqual(['multi-agency safeguarding hub']);
    expect(otherForms('mash', expansions)).toEqual(['multi-agency safeguarding hub']);
    expect(otherForms('Multi-agency safeguarding hub', expansions)).toEqual(['MASH']);
    expect(otherForms('  SECTION 47 ', expansions)).toEqual(['s47', 'child protection enquiries']);
  });

  it('matches a plural s', () => {
    expect(otherForms('MASHs', expansions)).toEqual(['multi-agency safeguarding hub']);
    expect(otherForms('multi-agency safeguarding hubs', expansions)).toEqual(['MASH']);
    // A form that itself ends in s is found as written, not cut.
    expect(otherForms('child protection enquiries', expansions)).toEqual(['section 47', 's47']);
  });

  it('gives nothing for part of a form, a form inside a longer query, or no words', () => {
    expect(otherForms('safeguarding hub', expansions)).toEqual([]);
    expect(otherForms('MASH referrals', expansions)).toEqual([]);
    expect(otherForms('the section 47 enquiries', expansions)).toEqual([]);
    expect(otherForms('', expansions)).toEqual([]);
    expect(otherForms(' -- ', expansions)).toEqual([]);
    expect(otherForms('MASH', {})).toEqual([]);
  });
});

describe('counting several searches’ paragraphs', () => {
  it('counts a value over the current filters as Pagefind does: the results that also have it', () => {
    expect(filtersWithValue({}, 'kind', 'Inspection')).toEqual({ kind: 'Inspection' });
    expect(filtersWithValue({ theme: { any: ['Education'] } }, 'kind', 'Inspection')).toEqual({ all: [{ theme: { any: ['Education'] } }, { kind: 'Inspection' }] });
    expect(filtersWithValue({ theme: { any: ['Education'] }, year: { any: ['2025'] } }, 'theme', 'Health')).toEqual({
      all: [{ theme: { any: ['Education'] }, year: { any: ['2025'] } }, { theme: 'Health' }],
    });
  });

  it('counts a paragraph two searches found once', () => {
    expect(paragraphsFound([[{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'c' }]])).toBe(3);
    expect(paragraphsFound([[{ id: 'a' }], [{ id: 'a' }], [{ id: 'a' }]])).toBe(1);
    expect(paragraphsFound([[], []])).toBe(0);
    expect(paragraphsFound([])).toBe(0);
  });
});
