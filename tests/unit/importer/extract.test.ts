import { describe, expect, it } from 'vitest';
import {
  findAuthority,
  findFollowsUp,
  findInspectors,
  findKind,
  findVisitNumber,
  leadFirst,
  ordinalValue,
  parseDateRange,
} from '../../../src/lib/importer/extract.ts';

describe('parseDateRange', () => {
  it.each([
    ['on 17 and 18 June 2025', '2025-06-17', '2025-06-18'],
    ['on 10 to 21 November 2025', '2025-11-10', '2025-11-21'],
    ['on 4, 5 and 6 March 2020', '2020-03-04', '2020-03-06'],
    ['on 30 September to 2 October 2025', '2025-09-30', '2025-10-02'],
    ['from 28 November to 1 December 2022', '2022-11-28', '2022-12-01'],
    ['between 30 December 2024 and 3 January 2025', '2024-12-30', '2025-01-03'],
    // As inspection reports give them, and a few letters.
    ['Inspection dates: 11 June 2018 to 22 June 2018', '2018-06-11', '2018-06-22'],
    ['Inspection date: 29 April 2014 – 21 May 2014', '2014-04-29', '2014-05-21'],
    ['Inspection date: 1/06/2015 – 25/06/2015', '2015-06-01', '2015-06-25'],
    ['on the 15 and 16 of May 2018', '2018-05-15', '2018-05-16'],
    ['from 30 December to 3 January 2025', '2024-12-30', '2025-01-03'],
    ['on 5 December 2019', '2019-12-05', '2019-12-05'],
    ['on 17–18 June 2025', '2025-06-17', '2025-06-18'],
  ])('%s', (text, start, end) => {
    expect(parseDateRange(`The visit ${text}. It was judged inadequate in July 2022.`)).toEqual({ start, end });
  });

  it('takes no month or year without a day for a visit date, and no impossible day', () => {
    expect(parseDateRange('judged inadequate in July 2022')).toBeUndefined();
    expect(parseDateRange('on 31 June 2025')).toBeUndefined();
  });
});

describe('ordinals and the visit number', () => {
  it.each([
    ['first', 1],
    ['seventh', 7],
    ['twelfth', 12],
    ['twenty-first', 21],
    ['7th', 7],
  ])('%s is %i', (word, value) => {
    expect(ordinalValue(word)).toBe(value);
  });

  it('reads the letter’s own statement, not a reference to an earlier visit', () => {
    expect(findVisitNumber(['On 1 and 2 May 2025.', 'Since the first monitoring visit, much has changed.', 'This was the seventh monitoring visit since ...'])).toBe(7);
    expect(findVisitNumber(['Since the last monitoring visit, things improved.'])).toBeUndefined();
  });
});

describe('findFollowsUp', () => {
  it('reads the judgement a monitoring visit follows up', () => {
    expect(findFollowsUp(['This was the seventh monitoring visit since the local authority was judged inadequate in July 2022.'])).toEqual({
      grade: 'inadequate',
      date: '2022-07',
    });
    expect(findFollowsUp(['It was judged to be requires improvement to be good overall in March 2023.'])).toEqual({
      grade: 'requires-improvement',
      date: '2023-03',
    });
  });
});

describe('findInspectors', () => {
  it.each([
    ['His Majesty’s inspectors for this visit were Alison Smale, Tom Anthony and Sally Sinclair.', ['Alison Smale', 'Tom Anthony', 'Sally Sinclair']],
    ['Her Majesty’s Inspectors for this visit were Max Example and Nat Sample.', ['Max Example', 'Nat Sample']],
    ['The inspectors were Sam Sample, Her Majesty’s Inspector (HMI), and Jane Example, HMI.', ['Sam Sample', 'Jane Example']],
    ['The lead inspector was Kit O’Example.', ['Kit O’Example']],
    ['The inspectors were Ana de Sample, Lee Example, and Jo Placeholder-Smith.', ['Ana de Sample', 'Lee Example', 'Jo Placeholder-Smith']],
  ])('%s', (text, names) => {
    expect(findInspectors([`This letter summarises the visit. ${text} It was good.`])).toEqual(names);
  });

  it('does not take a sentence about what inspectors were told for a list of names', () => {
    expect(findInspectors(['Inspectors were told that managers visit often.'])).toBeUndefined();
  });

  it('puts the inspector who signs the letter first', () => {
    expect(leadFirst(['Sam Sample', 'Jane Example'], 'Jane Example')).toEqual(['Jane Example', 'Sam Sample']);
    expect(leadFirst(['Sam Sample', 'Jane Example'], 'Someone Else')).toEqual(['Sam Sample', 'Jane Example']);
  });
});

describe('findAuthority and findKind', () => {
  it('takes the council’s name from the first paragraph, else from the addressee block', () => {
    expect(findAuthority(['the monitoring visit to Herefordshire County Council children’s services on ...'], [])).toBe('Herefordshire County Council');
    expect(findAuthority(['the focused visit to Exampleshire local authority children’s services'], ['A Person', 'Director', 'Exampleshire Borough Council', 'ZZ1 2AB'])).toBe(
      'Exampleshire Borough Council',
    );
    expect(findAuthority(['the focused visit to the London Borough of Example children’s services'], [])).toBe('London Borough of Example');
    expect(findAuthority(['no authority here'], ['A Person'])).toBeUndefined();
  });

  it('reads the kind from the subject line', () => {
    expect(findKind('Monitoring visit to Herefordshire children’s services', [])).toBe('monitoring-visit');
    expect(findKind('Focused visit to Exampleshire children’s services', [])).toBe('focused-visit');
    expect(findKind('Inspection of Exampleshire local authority children’s services', [])).toBe('inspection');
    expect(findKind('Joint targeted area inspection of Exampleshire', [])).toBe('joint-targeted-area-inspection');
    expect(findKind(undefined, ['This letter summarises the findings of the focused visit to X.'])).toBe('focused-visit');
    expect(findKind('Something else', ['Nothing here.'])).toBeUndefined();
  });
});
