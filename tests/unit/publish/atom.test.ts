import { describe, expect, it } from 'vitest';
import { atomDate, atomFeed, escapeXml, type AtomFeed } from '../../../src/lib/publish/atom.ts';
import { atomProblems, parseAtom } from '../../helpers/atom.ts';

const awkward = 'Tom & Jerry’s <b>“bold”</b> \'quote\' ]]> a > b';

function feed(overrides: Partial<AtomFeed> = {}): AtomFeed {
  return {
    id: 'https://example.org/themes/workforce/feed.xml',
    title: `Theme: ${awkward}`,
    subtitle: 'What the theme covers.',
    updated: '2025-07-17T00:00:00Z',
    self: 'https://example.org/themes/workforce/feed.xml',
    alternate: 'https://example.org/themes/workforce/?a=1&b=2',
    author: { name: 'The site', uri: 'https://example.org/' },
    rights: 'Crown copyright, under the Open Government Licence v3.0.',
    entries: [
      {
        id: 'https://example.org/reports/2025-06-monitoring-visit-7/#p12',
        title: 'Monitoring visit 7, paragraph 12',
        updated: '2025-07-17T00:00:00Z',
        link: 'https://example.org/reports/2025-06-monitoring-visit-7/#p12',
        content: awkward,
      },
      {
        id: 'https://example.org/reports/2018-06-inspection/#p17',
        title: 'Inspection, paragraph 17',
        updated: '2018-07-23T00:00:00Z',
        link: 'https://example.org/reports/2018-06-inspection/#p17',
        content: 'Plain words.',
      },
    ],
    ...overrides,
  };
}

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });

  it('drops characters XML 1.0 cannot carry, and keeps tabs, newlines and characters beyond the BMP', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uD800g\uDC00h')).toBe('abcdefgh');
    expect(escapeXml('tab\there\nline\r😀é')).toBe('tab\there\nline\r😀é');
  });
});

describe('atomDate', () => {
  it('makes an RFC 3339 timestamp of a day or a month', () => {
    expect(atomDate('2018-07-23')).toBe('2018-07-23T00:00:00Z');
    expect(atomDate('2023-03')).toBe('2023-03-01T00:00:00Z');
  });

  it('refuses anything else, saying what it expects', () => {
    expect(() => atomDate('July 2018')).toThrow('Not a date: "July 2018" (expected YYYY-MM-DD or YYYY-MM).');
  });
});

describe('atomFeed', () => {
  it('writes a well-formed, valid Atom document', () => {
    expect(atomProblems(atomFeed(feed()))).toEqual([]);
  });

  it('round-trips every text and address through an XML parser unchanged', () => {
    const parsed = parseAtom(atomFeed(feed()));
    expect(parsed.id).toBe('https://example.org/themes/workforce/feed.xml');
    expect(parsed.title).toBe(`Theme: ${awkward}`);
    expect(parsed.updated).toBe('2025-07-17T00:00:00Z');
    expect(parsed.authors).toEqual(['The site']);
    expect(parsed.rights).toBe('Crown copyright, under the Open Government Licence v3.0.');
    expect(parsed.links).toEqual([
      { rel: 'self', type: 'application/atom+xml', href: 'https://example.org/themes/workforce/feed.xml' },
      { rel: 'alternate', type: 'text/html', href: 'https://example.org/themes/workforce/?a=1&b=2' },
    ]);
    expect(parsed.entries.map((entry) => entry.id)).toEqual([
      'https://example.org/reports/2025-06-monitoring-visit-7/#p12',
      'https://example.org/reports/2018-06-inspection/#p17',
    ]);
    expect(parsed.entries[0]!.content).toEqual({ type: 'text', text: awkward });
    expect(parsed.entries[0]!.links).toEqual([{ rel: 'alternate', type: 'text/html', href: 'https://example.org/reports/2025-06-monitoring-visit-7/#p12' }]);
  });

  it('writes a feed with no entries, which Atom allows', () => {
    const xml = atomFeed(feed({ entries: [], subtitle: undefined }));
    expect(atomProblems(xml)).toEqual([]);
    expect(xml).not.toContain('<subtitle');
    expect(parseAtom(xml).entries).toEqual([]);
  });

  it('is checked by a validator that would catch what RFC 4287 forbids', () => {
    expect(atomProblems('<feed><id>x</feed>')[0]).toMatch(/^not well-formed XML/);
    const good = atomFeed(feed());
    expect(atomProblems(good.replace('<updated>2018-07-23T00:00:00Z</updated>', '<updated>23 July 2018</updated>'))).toEqual([
      'entry 2: <updated> "23 July 2018" is not an RFC 3339 date-time',
    ]);
    expect(atomProblems(good.replace(/<id>https:\/\/example.org\/reports\/2018[^<]*<\/id>/, ''))).toEqual(['entry 2 has 0 <id> elements; it must have exactly one']);
    expect(atomProblems(good.replace(/<author>.*<\/author>/, ''))).toEqual([
      'entry 1 has no <author>, and neither has the feed',
      'entry 2 has no <author>, and neither has the feed',
    ]);
    expect(atomProblems(good.replace('xmlns="http://www.w3.org/2005/Atom"', ''))).toEqual(['<feed> is not in the Atom namespace (undefined)']);
  });
});
