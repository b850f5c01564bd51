/**
 * The annotation parsers (src/lib/record/annotations.ts): what an editor writes in `themes` and
 * `progress` on a <Finding>, read the same way by the record and the page.
 */
import { describe, expect, it } from 'vitest';
import { isStatus, parseProgress, parseThemes } from '../../../src/lib/record/annotations.ts';

describe('parseThemes', () => {
  it('splits on commas and spaces, any mix, and ignores empty parts', () => {
    expect(parseThemes('workforce, caseloads')).toEqual(['workforce', 'caseloads']);
    expect(parseThemes(' workforce  caseloads,,supervision ')).toEqual(['workforce', 'caseloads', 'supervision']);
    expect(parseThemes('')).toEqual([]);
    expect(parseThemes(undefined)).toEqual([]);
  });
});

describe('parseProgress', () => {
  it('reads `weakness: status` pairs separated by commas or semicolons', () => {
    expect(parseProgress('supervision: improved, caseloads:not-improved; plans : some-progress')).toEqual({
      claims: [
        { weakness: 'supervision', status: 'improved' },
        { weakness: 'caseloads', status: 'not-improved' },
        { weakness: 'plans', status: 'some-progress' },
      ],
      malformed: [],
    });
  });

  it('returns what is not a pair as malformed, for the build to name, and never guesses', () => {
    expect(parseProgress('supervision improved, Caseloads: Worse, : strength')).toEqual({
      claims: [],
      malformed: ['supervision improved', 'Caseloads: Worse', ': strength'],
    });
  });

  it('reads nothing from an empty or missing attribute', () => {
    expect(parseProgress(undefined)).toEqual({ claims: [], malformed: [] });
    expect(parseProgress(' , ')).toEqual({ claims: [], malformed: [] });
  });
});

describe('isStatus', () => {
  it('knows the five statuses and nothing else', () => {
    for (const status of ['worse', 'not-improved', 'some-progress', 'improved', 'strength']) expect(isStatus(status)).toBe(true);
    expect(isStatus('better')).toBe(false);
    expect(isStatus('Improved')).toBe(false);
  });
});
