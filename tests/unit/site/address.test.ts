import { describe, expect, it } from 'vitest';
import { buildAddress } from '../../../scripts/build.ts';
import { localServer, localSiteUrl, MISSING_SITE_URL, parseBasePath, siteAddress, SiteAddressError } from '../../../src/lib/site/address.ts';

describe('siteAddress', () => {
  it('gives the origin, the base and the home page from SITE_URL and BASE_PATH', () => {
    expect(siteAddress({ SITE_URL: 'https://inspections.example.gov.uk' })).toEqual({ site: 'https://inspections.example.gov.uk', base: '/', home: 'https://inspections.example.gov.uk/' });
    expect(siteAddress({ SITE_URL: 'https://inspections.example.gov.uk/', BASE_PATH: '/inspections' })).toEqual({
      site: 'https://inspections.example.gov.uk',
      base: '/inspections/',
      home: 'https://inspections.example.gov.uk/inspections/',
    });
  });

  it('takes the base from a SITE_URL with a path (GitHub Pages’ base_url) unless BASE_PATH says the same', () => {
    expect(siteAddress({ SITE_URL: 'https://owner.github.io/repo' }).home).toBe('https://owner.github.io/repo/');
    expect(siteAddress({ SITE_URL: 'https://owner.github.io/repo', BASE_PATH: '/repo' }).base).toBe('/repo/');
    expect(() => siteAddress({ SITE_URL: 'https://owner.github.io/repo', BASE_PATH: '/other/' })).toThrow(/has the path \/repo\/, but BASE_PATH is \/other\/\. Fix:/);
    // configure-pages gives an empty base_path for a user or organisation site.
    expect(siteAddress({ SITE_URL: 'https://owner.github.io', BASE_PATH: '' }).home).toBe('https://owner.github.io/');
  });

  it('refuses a missing SITE_URL with the message that says how to set it', () => {
    expect(() => siteAddress({})).toThrow(SiteAddressError);
    expect(() => siteAddress({ SITE_URL: ' ' })).toThrow(MISSING_SITE_URL);
    expect(MISSING_SITE_URL).toContain('SITE_URL=https://inspections.example.gov.uk npm run build');
    expect(MISSING_SITE_URL).toContain('README.md, "Publishing the site"');
  });

  it('refuses an address that is not absolute http(s), or carries a query, fragment or login', () => {
    for (const value of ['inspections.example.gov.uk', '/inspections/', 'ftp://example.org', 'https://example.org/?a=1', 'https://example.org/#top', 'https://user:pw@example.org']) {
      expect(() => siteAddress({ SITE_URL: value }), value).toThrow(/^SITE_URL ".*" .*Fix:/);
    }
  });

  it('checks BASE_PATH', () => {
    expect(parseBasePath(undefined)).toBe('/');
    expect(parseBasePath('/')).toBe('/');
    expect(parseBasePath('/a/b')).toBe('/a/b/');
    for (const value of ['inspections', '//evil.example/', '/a/../b', '/a?b']) expect(() => parseBasePath(value), value).toThrow(/BASE_PATH .* Fix:/);
  });
});

describe('a local build', () => {
  it('is made for the address the local server listens on (scripts/serve.ts’s defaults, or HOST and PORT)', () => {
    expect(localServer({})).toEqual({ host: '127.0.0.1', port: 4321 });
    expect(localSiteUrl({})).toBe('http://127.0.0.1:4321');
    expect(localSiteUrl({ HOST: '0.0.0.0', PORT: '8080' })).toBe('http://0.0.0.0:8080');
    expect(buildAddress(true, {}).address.home).toBe('http://127.0.0.1:4321/');
    expect(buildAddress(true, { BASE_PATH: '/inspections/' }).address.home).toBe('http://127.0.0.1:4321/inspections/');
  });

  it('replaces SITE_URL only when --local is given', () => {
    expect(buildAddress(true, { SITE_URL: 'https://inspections.example.gov.uk' }).env.SITE_URL).toBe('http://127.0.0.1:4321');
    expect(buildAddress(false, { SITE_URL: 'https://inspections.example.gov.uk' }).address.home).toBe('https://inspections.example.gov.uk/');
    expect(() => buildAddress(false, {})).toThrow(MISSING_SITE_URL);
  });
});
