import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprint, hashText } from '../../../src/lib/record/fingerprint.ts';

describe('a paragraph’s fingerprint', () => {
  it('is the start of the sha-256 of its words, as the anchor manifest records it', () => {
    const words = 'Senior leaders have not ensured that social workers receive regular supervision.';
    const sha = createHash('sha256').update(words).digest('hex');
    expect(hashText(words)).toBe(sha.slice(0, 16));
    expect(fingerprint(words)).toBe(sha.slice(0, 8));
  });

  it('changes when one character of the words changes', () => {
    expect(fingerprint('Caseloads are high.')).not.toBe(fingerprint('Caseloads are high!'));
  });
});
