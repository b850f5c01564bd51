/**
 * "What happened next" on the built report pages: every paragraph that gives a 2018 weakness a
 * status, and each weakness's 2018 source paragraph and improvement item, lists the later visits
 * that examined the weakness. Checked against each weakness's journey page (the same record,
 * rendered another way), and every link against the anchors of the built report pages.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { anchorExists, builtPage, text } from '../helpers/site.ts';

interface Step {
  /** The visit's title as the journey shows it: "Focused visit, July 2021". */
  visit: string;
  /** "✕ Not improved", with " (from our summary)" for a summary. */
  status: string;
  hrefs: string[];
}

interface Journey {
  /** The 2018 source paragraph and improvement item, as /reports/<slug>/#<anchor>. */
  origins: string[];
  /** Every later visit, oldest first; status "– Not examined" where it did not look. */
  steps: Step[];
}

const journeys = new Map<string, Journey>();
/** A details.next read as: weakness path -> its steps, in the order shown. */
function readDisclosure(details: Element): Map<string, Step[] | 'none'> {
  const shown = new Map<string, Step[] | 'none'>();
  let current = '';
  for (const child of details.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'p') {
      current = String(select('a', child)!.properties.href);
      shown.set(current, text(child).endsWith('no later visit has examined it.') ? 'none' : []);
    } else if (child.tagName === 'ol') {
      shown.set(
        current,
        selectAll(':scope > li', child).map((li) => ({
          visit: text(li).split(':')[0]!,
          status: text(select('.status', li)!),
          hrefs: selectAll(':scope > a', li).map((a) => String(a.properties.href)),
        })),
      );
    }
  }
  return shown;
}

/** The later visits after `reportId` that examined the weakness, oldest first, from its journey page. */
function expectedAfter(journey: Journey, reportId: string | undefined): Step[] {
  const index = reportId === undefined ? -1 : journey.steps.findIndex((step) => step.hrefs.some((href) => href.startsWith(`/reports/${reportId}/`)));
  return journey.steps.slice(index + 1).filter((step) => !step.status.includes('Not examined'));
}

beforeAll(async () => {
  const { tree } = await builtPage('/weaknesses/');
  const paths = selectAll('.matrix-wide tbody th a', tree).map((a) => String(a.properties.href));
  for (const weaknessPath of paths) {
    const page = (await builtPage(weaknessPath)).tree;
    const main = select('main', page)!;
    // The quotes before the first h2 after "What Ofsted found in 2018" are the source and the item.
    const origins: string[] = [];
    let section = '';
    for (const node of main.children) {
      if (node.type !== 'element') continue;
      if (node.tagName === 'h2') section = text(node);
      if (section === 'What Ofsted found in 2018' && node.tagName === 'figure') origins.push(String(select('figcaption a', node)!.properties.href));
    }
    const steps = selectAll('.journey-step', page).map((step) => ({
      visit: text(select('h3', step)!),
      status: text(select('.status', step)!),
      hrefs: selectAll('figure.quote figcaption a', step).map((a) => String(a.properties.href)),
    }));
    journeys.set(weaknessPath, { origins, steps });
  }
  expect(journeys.size).toBe(16);
});

describe('What happened next', () => {
  it('is on every paragraph that gives a weakness a status, listing the later visits that examined it, oldest first, with working links', async () => {
    const reports = (await readdir(path.join(inject('distDir'), 'reports'), { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    let checked = 0;
    let none = 0;
    for (const slug of reports) {
      const { tree } = await builtPage(`/reports/${slug}/`);
      for (const finding of selectAll('.finding', tree)) {
        const annotation = select('.annotation', finding);
        const claimed = annotation ? selectAll(':scope > p a[href^="/weaknesses/"]', annotation).map((a) => String(a.properties.href)) : [];
        const details = select('details.next', finding);
        if (claimed.length === 0) continue;
        expect(details, `a paragraph of ${slug} gives a status but has no "What happened next"`).toBeDefined();
        // Inside the annotation, which search and the anchor manifest ignore.
        expect(select('.annotation[data-pagefind-ignore] > details.next', finding)).toBeDefined();
        expect(text(select('summary', details!)!)).toBe('What happened next');
        const shown = readDisclosure(details!);
        for (const weaknessPath of claimed) {
          const expected = expectedAfter(journeys.get(weaknessPath)!, slug);
          const steps = shown.get(weaknessPath);
          if (expected.length === 0) {
            expect(steps, `${slug}: ${weaknessPath}`).toBe('none');
            none += 1;
          } else {
            expect(steps, `${slug}: ${weaknessPath}`).toEqual(expected);
            for (const step of expected) for (const href of step.hrefs) expect(await anchorExists(href), href).toBe(true);
          }
          checked += 1;
        }
      }
    }
    // The record has dozens of statuses, and the latest inspection's have no later visit.
    expect(checked).toBeGreaterThanOrEqual(50);
    expect(none).toBeGreaterThan(0);
  });

  it('gives each weakness’s 2018 source paragraph and improvement item the whole journey', async () => {
    let checked = 0;
    for (const [weaknessPath, journey] of journeys) {
      expect(journey.origins.length).toBeGreaterThanOrEqual(1);
      for (const origin of journey.origins) {
        const [page = '', anchor = ''] = origin.split('#');
        const { tree } = await builtPage(page);
        const finding = selectAll('.finding', tree).find((node) => select(`[id="${anchor}"]`, node));
        expect(finding, `${origin} is not wrapped in a <Finding>`).toBeDefined();
        const details = select('.annotation > details.next', finding!);
        expect(details, `${origin} has no "What happened next"`).toBeDefined();
        const steps = readDisclosure(details!).get(weaknessPath);
        const expected = expectedAfter(journey, undefined);
        expect(steps, `${origin}: ${weaknessPath}`).toEqual(expected.length === 0 ? 'none' : expected);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(16);
  });

  it('reads, on the 2018 report’s paragraph 17, as a plain list: visit, status in words, paragraph links', async () => {
    const { tree } = await builtPage('/reports/2018-06-inspection/');
    const finding = selectAll('.finding', tree).find((node) => select('#p17', node))!;
    const details = select('details.next', finding)!;
    // Closed until asked for: the letter stays the page's main text.
    expect(details.properties.open).toBeUndefined();
    const shown = readDisclosure(details);
    expect([...shown.keys()]).toEqual(['/weaknesses/management-oversight/', '/weaknesses/supervision/']);
    const lines = selectAll('li', details).map(text);
    expect(lines).toContain('Monitoring visit 7, June 2025: ▲ Improved, paragraph 12');
    expect(text(details)).toContain('Irregular supervision of variable quality, at every later visit:');
  });
});
