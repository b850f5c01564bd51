/**
 * The command line: what it writes, what it prints, and that a refusal writes nothing at all
 * (no report, no temporary file) in the output folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT, main } from '../../../scripts/import.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/letters');

let out: string;
let inputs: string;
/**
 * A Herefordshire letter the project owns, so these tests run with or without the shared folder
 * beside the checkout: the fictional fifth monitoring visit fixture, moved to this site's county
 * (so no other-council warning joins what the command prints).
 */
let letter: string;
const REPORT = '2024-09-monitoring-visit-5.mdx';

beforeEach(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'import-out-'));
  inputs = await mkdtemp(path.join(os.tmpdir(), 'import-in-'));
  letter = path.join(inputs, 'monitoring-visit-5.txt');
  const fixture = await readFile(path.join(fixtures, 'monitoring-visit-two-months.txt'), 'utf8');
  await writeFile(letter, fixture.replaceAll('Exampleshire', 'Herefordshire'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
  await rm(inputs, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (text) => void stdout.push(text), stderr: (text) => void stderr.push(text) });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

/** A refusal: exit code, one line naming the file and a fix, and nothing in the out folder. */
async function expectRefused(result: Awaited<ReturnType<typeof run>>, file: string, reason: RegExp, before: string[] = []) {
  expect(result.code).toBe(EXIT.refused);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^import: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
  expect(lines[0]).toMatch(reason);
  expect(lines[0]).toMatch(/\. Fix: \S.+$/);
  expect((await readdir(out)).sort()).toEqual(before);
}

describe('npm run import', () => {
  it('writes <slug>.mdx, prints its path, and lists on stderr the fields to fill in', async () => {
    const result = await run(letter, '--out', out);
    expect(result.code).toBe(EXIT.ok);
    const target = path.join(out, REPORT);
    expect(result.stdout.trim()).toBe(target);
    expect(result.stderr.split('\n')).toEqual([
      'import: could not find: headline, sources (fill these in by hand)',
      'import: themes are suggested for every paragraph, marked `suggested`: review each one, add `progress` where a paragraph speaks to a 2018 weakness, then delete the word (the build refuses unreviewed suggestions)',
      '',
    ]);
    expect(await readdir(out)).toEqual([REPORT]);
    const written = await readFile(target, 'utf8');
    expect(written).toMatch(/^---\ntitle: Monitoring visit to Herefordshire children’s services\n/);
    // Suggestions use the editors' own form, flagged for review.
    expect(written).toContain('<Finding themes="visits-and-relationships, placements, care-leavers" suggested>\n\nPersonal advisers are allocated');
  });

  it('--stdout prints the MDX and writes nothing', async () => {
    const result = await run(path.join(fixtures, 'focused-visit-2019.txt'), '--stdout', `--out=${out}`);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toMatch(/^---\ntitle: Focused visit to Exampleshire County Council children’s services\n[\s\S]*<\/SignOff>\n$/);
    expect(await readdir(out)).toEqual([]);
  });

  it('refuses an empty file', async () => {
    const empty = path.join(inputs, 'empty.txt');
    await writeFile(empty, '');
    await expectRefused(await run(empty, '--out', out), empty, /the file is empty/);
  });

  it('refuses a file of only whitespace', async () => {
    const blank = path.join(inputs, 'blank.txt');
    await writeFile(blank, '  \n\r\n\t\n');
    await expectRefused(await run(blank, '--out', out), blank, /the file is empty/);
  });

  it('refuses text that is not an Ofsted letter', async () => {
    const file = path.join(fixtures, 'not-a-letter.txt');
    await expectRefused(await run(file, '--out', out), file, /this does not look like an Ofsted letter \(no inspector or visit wording found\)\. Fix: check you passed the letter’s text/);
  });

  it('refuses corrupt PDF bytes', async () => {
    const broken = path.join(inputs, 'letter.pdf');
    await writeFile(broken, Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntruncated'));
    await expectRefused(await run(broken, '--out', out), broken, /this PDF cannot be read/);
  });

  it('refuses to overwrite an existing report without --force, and overwrites it with --force', async () => {
    const target = path.join(out, REPORT);
    await writeFile(target, 'an editor’s work\n');
    await expectRefused(await run(letter, '--out', out), letter, /2024-09-monitoring-visit-5\.mdx already exists\. Fix: pass --force to overwrite it, or remove the file/, [REPORT]);
    expect(await readFile(target, 'utf8')).toBe('an editor’s work\n');

    const forced = await run(letter, '--out', out, '--force');
    expect(forced.code).toBe(EXIT.ok);
    expect(await readFile(target, 'utf8')).toMatch(/^---\ntitle: Monitoring visit/);
    expect(await readdir(out)).toEqual([REPORT]);
  });

  it('refuses a file that does not exist, and an output folder that does not exist', async () => {
    const missing = path.join(inputs, 'nope.txt');
    await expectRefused(await run(missing, '--out', out), missing, /the file does not exist/);
    const result = await run(letter, '--out', path.join(out, 'no-such-folder'));
    expect(result.code).toBe(EXIT.refused);
    expect(result.stderr).toMatch(/^import: .+: the output folder .+no-such-folder does not exist\. Fix: /);
  });

  it('refuses an unknown option or a missing letter as a usage error, writing nothing', async () => {
    const unknown = await run(letter, '--out', out, '--frobnicate');
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.stderr).toMatch(/^import: unknown option --frobnicate\. Fix: run npm run import -- <letter-or-report\.txt\|\.pdf>.*\n$/);
    const none = await run('--out', out);
    expect(none.code).toBe(EXIT.usage);
    expect(none.stderr).toMatch(/^import: no letter given\. Fix: /);
    expect(await readdir(out)).toEqual([]);
  });

  it('removes its temporary file when the final rename fails', async () => {
    // A folder where the report should go: the rename over it fails even with --force.
    await mkdir(path.join(out, REPORT));
    const result = await run(letter, '--out', out, '--force');
    expect(result.code).toBe(EXIT.refused);
    expect(result.stderr).toMatch(/^import: .+: could not write .+2024-09-monitoring-visit-5\.mdx .+\. Fix: /);
    expect(await readdir(out)).toEqual([REPORT]);
  });

  it('prints another council’s letter with a warning naming both councils, and writes it into content/ only with --force', async () => {
    const other = path.join(fixtures, 'focused-visit-2019.txt');
    const printed = await run(other, '--stdout');
    expect(printed.code).toBe(EXIT.ok);
    expect(printed.stdout).toMatch(/^---\ntitle: Focused visit to Exampleshire County Council/);
    expect(printed.stderr).toMatch(/^import: warning: .+focused-visit-2019\.txt: this document is about Exampleshire County Council, not Herefordshire Council, the council this site is about/m);

    // A content folder of its own, with the taxonomy, so the command reads no other.
    const content = path.join(out, 'content');
    await mkdir(path.join(content, 'reports'), { recursive: true });
    await writeFile(path.join(content, 'themes.yaml'), await readFile(path.resolve(import.meta.dirname, '../../../content/themes.yaml')));
    const previous = process.env.CONTENT_DIR;
    process.env.CONTENT_DIR = content;
    try {
      const refused = await run(other, '--out', path.join(content, 'reports'));
      expect(refused.code).toBe(EXIT.refused);
      expect(refused.stderr).toMatch(/^import: .+focused-visit-2019\.txt: this document is about Exampleshire County Council, not Herefordshire Council.+\. Fix: .*--force.*\n$/);
      expect(await readdir(path.join(content, 'reports'))).toEqual([]);
      const forced = await run(other, '--out', path.join(content, 'reports'), '--force');
      expect(forced.code).toBe(EXIT.ok);
      expect(await readdir(path.join(content, 'reports'))).toEqual(['2019-02-focused-visit.mdx']);
    } finally {
      if (previous === undefined) delete process.env.CONTENT_DIR;
      else process.env.CONTENT_DIR = previous;
    }
  });

  it('says on stderr that it imported only the letter out of a council report', async () => {
    const visit = await readFile(path.join(fixtures, 'focused-visit-2019.txt'), 'utf8');
    const covering = 'Cabinet\n\nReport title: Ofsted focused visit\n\nPurpose of the report\n\nTo share with Cabinet the letter received after the focused visit, attached as Appendix A, and the council’s response to each of its findings in turn.\n\nRecommendations\n\nThat Cabinet notes the letter.\n\nAppendix A\n\n';
    const file = path.join(inputs, 'cabinet.txt');
    await writeFile(file, covering + visit);
    const result = await run(file, '--stdout');
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).not.toMatch(/Cabinet|Appendix A/);
    expect(result.stderr).toMatch(/^import: .+cabinet\.txt: imported only the Ofsted letter \(lines 15 to \d+\); the council’s report around it is left out/m);
  });

  it('exits non-zero from the shell on a refusal', () => {
    const script = path.resolve(import.meta.dirname, '../../../scripts/import.ts');
    const refused = spawnSync(process.execPath, [script, path.join(fixtures, 'not-a-letter.txt'), '--out', out], { encoding: 'utf8' });
    expect(refused.status).toBe(EXIT.refused);
    expect(refused.stderr).toMatch(/^import: .+not-a-letter\.txt: this does not look like an Ofsted letter/);
    const printed = spawnSync(process.execPath, [script, letter, '--stdout'], { encoding: 'utf8' });
    expect(printed.status).toBe(EXIT.ok);
    expect(printed.stdout).toMatch(/^---\ntitle: Monitoring visit/);
    // Two Node processes that each load the importer: on a loaded 2-core machine, more than Vitest's 5 s.
  }, 30_000);
});
