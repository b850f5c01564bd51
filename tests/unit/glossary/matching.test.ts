/** The glossary's matching rules (src/lib/glossary/matching.ts), its checks, the search map and the acronym warning. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { otherForms } from '../../../src/lib/search/term-forms.ts';
import {
  expansionFor,
  glossaryMatcher,
  glossaryProblems,
  searchExpansions,
  segmentText,
  sortedTerms,
  unknownAcronyms,
  unknownAcronymsWarning,
  type GlossaryTerm,
} from '../../../src/lib/glossary/matching.ts';
import { parseYamlList } from '../../../src/lib/utils/yaml-list.ts';
import { glossaryTermSchema } from '../../../src/lib/record/schema.ts';

const source = { title: 'Children Act 1989, section 47', url: 'https://www.legislation.gov.uk/ukpga/1989/41/section/47' };
function term(id: string, name: string, aliases: string[] = [], expansion?: string): GlossaryTerm {
  return { id, term: name, aliases, expansion, definition: 'A definition.', source };
}
const TERMS = [
  term('mash', 'MASH', ['multi-agency safeguarding hub'], 'multi-agency safeguarding hub'),
  term('iro', 'IRO', ['independent reviewing officer'], 'independent reviewing officer'),
  term('section-47', 'section 47', ['s47', 'child protection enquiry', 'child protection enquiries']),
  term('child-protection-plan', 'child protection plan'),
  term('child-protection-conference', 'child protection conference', ['initial child protection conference']),
  term('child-in-need', 'child in need', ['children in need', 'CIN'], 'child in need'),
];
const matcher = glossaryMatcher(TERMS);

function marked(text: string, seen = new Set<string>()): string {
  return segmentText(text, matcher, seen)
    .map((piece) => (piece.term ? `[${piece.text}|${piece.term.id}]` : piece.text))
    .join('');
}

describe('matching terms in a text', () => {
  it('matches acronyms by exact case, as whole words, with a plural s', () => {
    expect(marked('Mash and SMASH and MASHED; then the MASH.')).toBe('Mash and SMASH and MASHED; then the [MASH|mash].');
    expect(marked('Two IROs chair reviews.')).toBe('Two [IROs|iro] chair reviews.');
  });

  it('matches phrases ignoring case, across line breaks, and prefers the longest form that starts first', () => {
    expect(marked('Section 47\nenquiries')).toBe('[Section 47\nenquiries|section-47]'.replace('\nenquiries|section-47]', '|section-47]\nenquiries'));
    expect(marked('An Initial Child Protection Conference.')).toBe('An [Initial Child Protection Conference|child-protection-conference].');
    expect(marked('Their child protection plans.')).toBe('Their [child protection plans|child-protection-plan].');
    expect(marked('Children in need (CIN).')).toBe('[Children in need|child-in-need] (CIN).');
  });

  it('marks only the first use of each term on a page, across texts', () => {
    const seen = new Set<string>();
    expect(marked('The MASH and the multi-agency safeguarding hub.', seen)).toBe('The [MASH|mash] and the multi-agency safeguarding hub.');
    expect(marked('The MASH again; a child protection plan.', seen)).toBe('The MASH again; a [child protection plan|child-protection-plan].');
  });

  it('gives back the text unchanged when joined', () => {
    const text = 'The MASH, s47 and children in need: a child protection plan, then another child protection plan.';
    expect(
      segmentText(text, matcher, new Set())
        .map((piece) => piece.text)
        .join(''),
    ).toBe(text);
  });

  it('shows an expansion only where the words do not already say it', () => {
    const mash = TERMS[0]!;
    expect(expansionFor('MASH', mash)).toBe('multi-agency safeguarding hub');
    expect(expansionFor('Multi-agency Safeguarding Hub', mash)).toBeUndefined();
    expect(expansionFor('section 47', TERMS[2]!)).toBeUndefined();
  });

  it('sorts the glossary alphabetically, ignoring case', () => {
    expect(sortedTerms(TERMS).map((item) => item.term)).toEqual([
      'child in need',
      'child protection conference',
      'child protection plan',
      'IRO',
      'MASH',
      'section 47',
    ]);
  });
});

describe('search by spelled-out words', () => {
  const map = searchExpansions(TERMS);

  it('maps each form of a term (the term, its aliases, its expansion), lower-cased, to its other forms as written', () => {
    expect(map).toEqual({
      'child in need': ['children in need', 'CIN'],
      'children in need': ['child in need', 'CIN'],
      cin: ['child in need', 'children in need'],
      'child protection conference': ['initial child protection conference'],
      'initial child protection conference': ['child protection conference'],
      iro: ['independent reviewing officer'],
      'independent reviewing officer': ['IRO'],
      mash: ['multi-agency safeguarding hub'],
      'multi agency safeguarding hub': ['MASH'],
      'section 47': ['s47', 'child protection enquiry', 'child protection enquiries'],
      s47: ['section 47', 'child protection enquiry', 'child protection enquiries'],
      'child protection enquiry': ['section 47', 's47', 'child protection enquiries'],
      'child protection enquiries': ['section 47', 's47', 'child protection enquiry'],
    });
    // A term with one form has no other to search for.
    expect(map['child protection plan']).toBeUndefined();
  });

  it('gives a key to the first term in the glossary’s order that has it', () => {
    const shared = searchExpansions([term('offer', 'early help offer', ['the offer']), term('early-help', 'early help', ['Early-help offer'])]);
    expect(shared).toEqual({
      'early help': ['Early-help offer'],
      'early help offer': ['early help'],
      'the offer': ['early help offer'],
    });
  });

  it('lets the search page find the other forms for a query that is a whole form, in any case or plural', () => {
    expect(otherForms('Multi-agency safeguarding hub', map)).toEqual(['MASH']);
    expect(otherForms('MASHs', map)).toEqual(['multi-agency safeguarding hub']);
    expect(otherForms('  independent reviewing officers ', map)).toEqual(['IRO']);
    expect(otherForms('Section 47', map)).toEqual(['s47', 'child protection enquiry', 'child protection enquiries']);
    expect(otherForms('safeguarding hub', map)).toEqual([]);
    expect(otherForms('', map)).toEqual([]);
  });
});

describe('acronyms the glossary does not explain', () => {
  const paragraphs = [
    { where: '2014-04-inspection#p70', text: 'The Emergency Duty Team (EDT) and the MASH; the NHS and the UK.' },
    { where: '2014-04-inspection#p73', text: 'Family Group Conferences (FGC’s) and the EDT; IROs and CIN plans.' },
  ];

  it('lists each unknown acronym once, with where it first occurs, leaving out the glossary’s and the allowlist', () => {
    expect(unknownAcronyms(paragraphs, TERMS)).toEqual([
      { acronym: 'EDT', firstAt: '2014-04-inspection#p70', count: 2 },
      { acronym: 'FGC', firstAt: '2014-04-inspection#p73', count: 1 },
    ]);
  });

  it('words the build’s warning, or none when there is nothing to say', () => {
    expect(unknownAcronymsWarning(unknownAcronyms(paragraphs, TERMS))).toMatch(
      /^Glossary: 2 acronyms in the reports are not in content\/glossary\.yaml: EDT \(2014-04-inspection#p70, 2 uses\), FGC \(2014-04-inspection#p73\)\./,
    );
    expect(unknownAcronymsWarning([])).toBeUndefined();
  });
});

describe('checking the glossary file', () => {
  it('names the file, the line and the fix for a bad entry', () => {
    const yaml = ['- id: mash', '  term: MASH', '  definition: Too short.', '  source: { title: WT, url: http://example.org }', ''].join('\n');
    const { problems } = parseYamlList(yaml, 'content/glossary.yaml', glossaryTermSchema);
    expect(problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`)).toEqual([
      'content/glossary.yaml:1: field "definition": Write a definition of a sentence or two, in plain English.',
      'content/glossary.yaml:1: field "source.url": Expected the full https:// address of the legislation, guidance or framework.',
    ]);
  });

  it('refuses an acronym without expansion and a spelling claimed by two terms', () => {
    const problems = glossaryProblems(
      [
        { ...term('mash', 'MASH', ['hub']), line: 1 },
        { ...term('hub', 'Hub'), line: 8 },
      ],
      'content/glossary.yaml',
    );
    expect(problems.map((problem) => `${problem.line}: ${problem.message}`)).toEqual([
      '1: "MASH" is an acronym but has no expansion.',
      '8: "Hub" is also a spelling of "mash" (line 1).',
    ]);
  });

  it('accepts the real glossary: at least 30 terms, each with a source on legislation.gov.uk, gov.uk or justice.gov.uk', () => {
    const file = path.resolve(import.meta.dirname, '../../../content/glossary.yaml');
    const { items, problems } = parseYamlList(readFileSync(file, 'utf8'), 'content/glossary.yaml', glossaryTermSchema);
    expect(problems).toEqual([]);
    expect(glossaryProblems(items, 'content/glossary.yaml')).toEqual([]);
    expect(items.length).toBeGreaterThanOrEqual(30);
    for (const item of items) expect(new URL(item.source.url).hostname).toMatch(/^www\.(legislation\.gov\.uk|gov\.uk|justice\.gov\.uk)$/);
  });
});

describe('expansions beside a term', () => {
  it('are shown for an acronym, plural or not, and never for words already spelled out', () => {
    const cin = TERMS[5]!;
    expect(expansionFor('CIN', cin)).toBe('child in need');
    expect(expansionFor('IROs', TERMS[1]!)).toBe('independent reviewing officer');
    expect(expansionFor('children in need', cin)).toBeUndefined();
  });
});
