/**
 * A real build over broken content must fail, listing every problem with its file, line and
 * fix, rather than silently dropping a dangling reference.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/site.ts';
import { buildSite } from './global-setup.ts';

const workDir = await mkdtemp(path.join(tmpdir(), 'herefordshire-broken-'));
afterAll(() => rm(workDir, { recursive: true, force: true }));

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const changed = change(text);
  expect(changed).not.toBe(text);
  await writeFile(file, changed);
}

describe('a build over broken content', () => {
  it('fails, naming the file, the line and the fix for each problem', async () => {
    const content = path.join(workDir, 'content');
    await cp(path.join(repoRoot, 'content'), content, { recursive: true });
    // An unknown theme, an unknown status, a duplicate theme id and a missing source paragraph.
    await edit(path.join(content, 'reports/2025-06-monitoring-visit-7.mdx'), (text) =>
      text
        .replace('<Finding themes="children-in-care, visits-and-relationships', '<Finding themes="children-in-care, caseload-size')
        .replace('progress="staff-disconnect: strength"', 'progress="staff-disconnect: brilliant"'),
    );
    await edit(path.join(content, 'themes.yaml'), (text) => `${text}- id: workforce\n  label: Again\n  description: A duplicate.\n`);
    await edit(path.join(content, 'weaknesses.yaml'), (text) => text.replace('source: 2018-06-inspection#p54', 'source: 2018-06-inspection#p540'));

    const failure = await buildSite(path.join(workDir, 'dist'), { CONTENT_DIR: content }).then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(failure).toBeDefined();
    const themesFile = path.join(content, 'themes.yaml');
    const lines = (await readFile(themesFile, 'utf8')).split('\n').length - 3;
    expect(failure).toContain(`themes.yaml:${lines}: duplicate id "workforce"`);
    expect(failure).toMatch(/weaknesses\.yaml:\d+: weakness "workforce-sufficiency" comes from 2018-06-inspection#p540, but that report has no paragraph 540 \(its anchors run s1 to p62, 72 in all\)\. Fix: /);
    // Lines are lines of the file, frontmatter included: the line of the <Finding> that says it.
    const letter = (await readFile(path.join(content, 'reports/2025-06-monitoring-visit-7.mdx'), 'utf8')).split('\n');
    const lineOf = (needle: string) => letter.findIndex((line) => line.includes(needle)) + 1;
    expect(failure).toContain(`2025-06-monitoring-visit-7.mdx:${lineOf('caseload-size')}: unknown theme "caseload-size" on paragraph 7. Fix: use ids from content/themes.yaml`);
    expect(failure).toContain(
      `2025-06-monitoring-visit-7.mdx:${lineOf('staff-disconnect: brilliant')}: unknown status "brilliant" for weakness "staff-disconnect" on paragraph 21. Fix: use one of: worse, not-improved, some-progress, improved, strength.`,
    );
  });

  it('fails on MDX that cannot be read, naming the file and the line', async () => {
    const content = path.join(workDir, 'content-syntax');
    await cp(path.join(repoRoot, 'content'), content, { recursive: true });
    const file = path.join(content, 'reports/2025-06-monitoring-visit-7.mdx');
    await edit(file, (text) => text.replace('\n<Finding themes=', '\nAn { unclosed brace.\n\n<Finding themes='));
    const line = (await readFile(file, 'utf8')).split('\n').findIndex((text) => text.includes('unclosed brace')) + 1;
    const failure = await buildSite(path.join(workDir, 'dist-syntax'), { CONTENT_DIR: content }).then(
      () => undefined,
      (error: Error) => error.message,
    );
    // Astro's MDX compile reports it, before the record is read: file, line and column.
    expect(failure).toContain(`2025-06-monitoring-visit-7.mdx:${line}:`);
    expect(failure).toMatch(/closing brace/);
  });

  it('fails on bad comparison data (content/england/), naming the file, what is wrong and the fix', async () => {
    const content = path.join(workDir, 'content-england');
    await cp(path.join(repoRoot, 'content'), content, { recursive: true });
    // A judgement area no line knows (a new framework's?) and a neighbour code that matches no report.
    await edit(path.join(content, 'england/latest-reports.json'), (text) => text.replace('"area": "The experiences and progress of care leavers"', '"area": "The experiences and progress of young adults"'));
    await edit(path.join(content, 'england/statistical-neighbours.json'), (text) => text.replace('{ "laCode": "830", "name": "Derbyshire" }', '{ "laCode": "999", "name": "Derbyshire" }'));
    const failure = await buildSite(path.join(workDir, 'dist-england'), { CONTENT_DIR: content }).then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(failure).toBeDefined();
    expect(failure).toMatch(/england\/latest-reports\.json: the report of [^\n]+ grades “The experiences and progress of young adults”, a judgement area the comparison does not know \(a new inspection framework\?\)\. Fix: map it to the judgement it corresponds to in AREA_SERIES/);
    expect(failure).toContain('england/statistical-neighbours.json: council code 999 (Derbyshire) matches no report in ');
  });

  it('builds without the comparison where the content has no england/ folder: no page, no data, no link', async () => {
    const content = path.join(workDir, 'content-no-england');
    await cp(path.join(repoRoot, 'content'), content, { recursive: true });
    // The neighbours' reports need the statistical neighbours list, which is in england/: without it they go too.
    await rm(path.join(content, 'england'), { recursive: true });
    await rm(path.join(content, 'neighbours'), { recursive: true });
    const dist = path.join(workDir, 'dist-no-england');
    await buildSite(dist, { CONTENT_DIR: content });
    const files = await readdir(dist, { recursive: true });
    expect(files.filter((file) => /compar|^neighbours/.test(file))).toEqual([]);
    for (const page of ['index.html', 'data/index.html', 'reports/index.html']) {
      const html = await readFile(path.join(dist, page), 'utf8');
      expect(html, page).not.toMatch(/href="\/(compare\/|data\/comparison)/);
    }
  });

  it('fails on a neighbour’s report graded in an unknown area, given a 2018 weakness’s status, or filed under another council, naming each', async () => {
    const content = path.join(workDir, 'content-neighbours');
    await cp(path.join(repoRoot, 'content'), content, { recursive: true });
    const file = path.join(content, 'neighbours/lancashire/2026-05-inspection.mdx');
    await edit(file, (text) =>
      text
        .replace('area: The experiences and progress of care leavers', 'area: The experiences and progress of young adults')
        .replace(/<Finding themes="([^"]*)" suggested>\n\n1\\\. /, '<Finding themes="$1" progress="high-caseloads: improved" suggested>\n\n1\\. '),
    );
    await cp(path.join(content, 'neighbours/somerset/2022-07-inspection.mdx'), path.join(content, 'neighbours/suffolk/2022-07-inspection.mdx'));
    await rm(path.join(content, 'neighbours/somerset/2022-07-inspection.mdx'));
    const line = (await readFile(file, 'utf8')).split('\n').findIndex((text) => text.includes('progress="high-caseloads')) + 1;
    const failure = await buildSite(path.join(workDir, 'dist-neighbours'), { CONTENT_DIR: content }).then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(failure).toBeDefined();
    expect(failure).toContain('neighbours/lancashire/2026-05-inspection.mdx:1: grades “The experiences and progress of young adults”, a judgement area the site does not know (a new inspection framework?). Fix: map it');
    expect(failure).toContain(`neighbours/lancashire/2026-05-inspection.mdx:${line}: paragraph 1 gives a 2018 weakness a status, but this is another council’s report. Fix: remove progress`);
    expect(failure).toContain('neighbours/suffolk/2022-07-inspection.mdx:1: the file is not where its frontmatter puts it (laCode 933, visitStart 2022-07-18). Fix: move it to content/neighbours/somerset/2022-07-inspection.mdx');
  });

  it('fails when only one of the comparison’s two files is there', async () => {
    const content = path.join(workDir, 'content-half-england');
    await cp(path.join(repoRoot, 'content'), content, { recursive: true });
    await rm(path.join(content, 'england/statistical-neighbours.json'));
    const failure = await buildSite(path.join(workDir, 'dist-half-england'), { CONTENT_DIR: content }).then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(failure).toContain('england/statistical-neighbours.json: is missing, though ');
    expect(failure).toContain('the comparison needs both. Fix: restore the statistical neighbours list');
  });
});
