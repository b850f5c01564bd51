import { describe, expect, it } from 'vitest';
import { mdxBlocks } from '../../../src/lib/importer/blocks.ts';
import { escapeText } from '../../../src/lib/importer/mdx.ts';
import { importLetter } from '../../../src/lib/importer/index.ts';

describe('escaping what MDX reads as syntax', () => {
  it.each([
    'Children {and families} <are> seen.',
    '# not a heading',
    '- not a list item',
    '* not a list item either',
    '+ nor this',
    '1. not a numbered list',
    '2) nor this',
    '> not a quotation',
    '--- not a rule',
    'A *starred* and _underlined_ word, a `tick`, a [bracket](x) and ~tilde~.',
    'Fish & chips, but &amp; stays as typed, and a back\\slash.',
    'export is a word',
    'import too',
    '<!-- not a comment -->',
  ])('%s renders as given', (text) => {
    const blocks = mdxBlocks(`${escapeText(text)}\n`);
    expect(blocks).toEqual([{ type: 'paragraph', text }]);
  });

  it('leaves ordinary words alone', () => {
    expect(escapeText('The ‘grow your own’ approach (ILACS) – 2025.')).toBe('The ‘grow your own’ approach (ILACS) – 2025.');
  });
});

describe('a letter whose words look like syntax', () => {
  it('imports to MDX that shows them exactly', () => {
    const letter = [
      '1 May 2025',
      '',
      'A Person',
      'Exampleshire County Council',
      '',
      'Dear A',
      '',
      'Monitoring visit to Exampleshire children’s services',
      '',
      'This letter summarises the findings of the monitoring visit to Exampleshire County Council children’s services on 1 and 2 April 2025.',
      'This was the second monitoring visit. His Majesty’s inspectors for this visit were Ann Example and Bo Sample.',
      '',
      '2025 was a year of {change} and <progress>; # of children seen: most.',
      '',
      'Yours sincerely',
      '',
      'Ann Example',
      'His Majesty’s Inspector',
    ].join('\n');
    const result = importLetter(letter, { fileName: 'syntax.txt' });
    expect(result.mdx).toContain('2025 was a year of \\{change\\} and \\<progress\\>; # of children seen: most.');
    expect(result.missing).toEqual(['headline', 'areasCovered', 'followsUp', 'sources']);
  });
});
