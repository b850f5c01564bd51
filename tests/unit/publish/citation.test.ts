/** A neighbour's citation names the council even where Ofsted's title does not (src/lib/publish/citation.ts). */
import { describe, expect, it } from 'vitest';
import { citation, neighbourCitationPrefix } from '../../../src/lib/publish/citation.ts';

describe('neighbourCitationPrefix', () => {
  it('adds the council where the title does not name it', () => {
    const prefix = neighbourCitationPrefix({ title: 'Inspection of children’s social care services', authority: 'Staffordshire', visitStart: '2019-02-04' });
    expect(prefix).toBe('Ofsted, Inspection of children’s social care services (Staffordshire), visit of February 2019');
    expect(citation(prefix, 'p12', 'https://example.test/neighbours/staffordshire/2019-02-inspection/#p12')).toBe(
      'Ofsted, Inspection of children’s social care services (Staffordshire), visit of February 2019, paragraph 12, https://example.test/neighbours/staffordshire/2019-02-inspection/#p12',
    );
  });

  it('does not repeat a council the title names', () => {
    expect(neighbourCitationPrefix({ title: 'Inspection of Lancashire local authority children’s services', authority: 'Lancashire', visitStart: '2026-05-11' })).toBe(
      'Ofsted, Inspection of Lancashire local authority children’s services, visit of May 2026',
    );
  });
});
