/**
 * The open data, feed and sitemap agree with the pages, because both come from one model;
 * these tests read the built files and the built pages and compare them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, inject, it } from 'vitest';
import { anchorsInPage } from '../../src/lib/record/anchor-manifest.ts';
import type { FindingRecord } from '../../src/lib/publish/findings.ts';
import { REPORT_FEED_LIMIT } from '../../src/lib/publish/report-feed.ts';
import { CSP_META } from '../../src/lib/site/content-security-policy.ts';
import { builtPage, text } from '../helpers/site.ts';
import { parseCsv } from '../../src/lib/utils/csv.ts';

const dist = () => inject('distDir');
const readDist = (file: string) => readFile(path.join(dist(), file), 'utf8');

describe('/data/findings.json and findings.csv', () => {
  it('hold every paragraph of every report with the words, themes and statuses the pages show', async () => {
    const findings = JSON.parse(await readDist('data/findings.json')) as FindingRecord[];
    const byReport = Map.groupBy(findings, (finding) => finding.report);
    for (const [slug, items] of byReport) {
      const { html, tree } = await builtPage(`/reports/${slug}/`);
      expect(items.map((item) => ({ id: item.anchor, text: item.words }))).toEqual(anchorsInPage(html));
      for (const item of items) {
        const finding = selectAll('.finding', tree).find((node) => select(`#${item.anchor}`, node));
        // The annotation's own lines: "What happened next" below them links other weaknesses too.
        const themeLinks = finding ? selectAll('.annotation > p a[href^="/themes/"]', finding).map((a) => String(a.properties.href)) : [];
        expect(themeLinks).toEqual(item.themes.map((theme) => `/themes/${theme.id}/`));
        const weaknessLinks = finding ? selectAll('.annotation > p a[href^="/weaknesses/"]', finding).map((a) => String(a.properties.href)) : [];
        expect(weaknessLinks).toEqual(item.statuses.map((status) => `/weaknesses/${status.weakness}/`));
      }
    }
    const csv = parseCsv(await readDist('data/findings.csv'));
    expect(csv.map((row) => [row.report, row.anchor, row.label, row.words, row.themes])).toEqual(
      findings.map((finding) => [finding.report, finding.anchor, finding.label, finding.words, finding.themes.map((theme) => theme.id).join(';')]),
    );
  });
});

describe('/data/progress.csv', () => {
  it('says what every matrix cell says, and links the same paragraph', async () => {
    const rows = parseCsv(await readDist('data/progress.csv'));
    const { tree } = await builtPage('/weaknesses/');
    const table = select('table.matrix', tree)!;
    const columns = selectAll('thead th', table).slice(1).map((th) => String(select('a', th)!.properties.href));
    const tableRows = selectAll('tbody tr', table);
    expect(rows).toHaveLength(tableRows.length * columns.length);
    for (const row of rows) {
      const tableRow = tableRows.find((candidate) => text(select('th a', candidate)!) === row.weaknessTitle)!;
      const cell = selectAll('td', tableRow)[columns.indexOf(`/reports/${row.report}/`)]!;
      expect(text(cell)).toContain(row.statusLabel);
      const href = select('a', cell)?.properties.href;
      expect(href === undefined ? '' : String(href)).toBe(row.paragraphs === '' ? '' : `/${row.paragraphs.split(';')[0]}`);
    }
  });
});

describe('/data/reports.json, the feed and the sitemap', () => {
  it('list every report the site has', async () => {
    const reports = JSON.parse(await readDist('data/reports.json')) as Array<{ slug: string; path: string }>;
    const { tree } = await builtPage('/reports/');
    const listed = selectAll('.report-list h2 a', tree).map((a) => String(a.properties.href));
    expect(reports.map((report) => `/${report.path}`).sort()).toEqual([...listed].sort());

    // The feed: the latest REPORT_FEED_LIMIT, newest first, as /reports/ lists them (the real record has fewer).
    const feed = await readDist('feed.xml');
    const feedLinks = [...feed.matchAll(/<item>.*?<link>([^<]+)<\/link>/gs)].map((match) => new URL(match[1]!).pathname);
    expect(listed.length).toBeLessThan(REPORT_FEED_LIMIT);
    expect(feedLinks).toEqual(listed.slice(0, REPORT_FEED_LIMIT));

    const sitemap = await readDist('sitemap-0.xml');
    for (const link of listed) expect(sitemap).toContain(`${link}</loc>`);
  });

  it('explain the files, their columns and their licence on /data/', async () => {
    const { tree } = await builtPage('/data/');
    const links = selectAll('main h2 a', tree).map((a) => String(a.properties.href));
    expect(links).toEqual(['/data/reports.json', '/data/findings.json', '/data/findings.csv', '/data/progress.csv', '/data/comparison.json', '/data/comparison.csv']);
    expect(text(select('main', tree)!)).toContain('Open Government Licence v3.0');
  });
});

describe('security headers', () => {
  it('puts the same Content-Security-Policy in every page and in /_headers, with no unsafe-inline', async () => {
    const { tree } = await builtPage('/');
    expect(select('meta[http-equiv="content-security-policy"]', tree)!.properties.content).toBe(CSP_META);
    const headers = await readDist('_headers');
    expect(headers).toContain(`Content-Security-Policy: ${CSP_META}; frame-ancestors 'none'`);
    expect(CSP_META).not.toContain('unsafe-inline');
    expect(CSP_META).toContain("'wasm-unsafe-eval'");
  });
});
