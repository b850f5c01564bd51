/**
 * The command line on a folder (`npm run import -- <folder>`), through the real importer on
 * documents these tests write: a text letter, a report drawn into a PDF, and files it refuses.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT, main } from '../../../scripts/import.ts';
import { layoutPdf } from '../../helpers/pdf.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/letters');
const LETTER_REPORT = '2024-09-monitoring-visit-5.mdx';
const INSPECTION_REPORT = '2024-09-inspection.mdx';

let out: string;
let folder: string;
let letterText: string;

beforeEach(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'import-folder-out-'));
  folder = await mkdtemp(path.join(os.tmpdir(), 'import-folder-in-'));
  // The project's own fictional documents, moved to this site's county (no other-council warning).
  letterText = (await readFile(path.join(fixtures, 'monitoring-visit-two-months.txt'), 'utf8')).replaceAll('Exampleshire', 'Herefordshire');
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
  await rm(folder, { recursive: true, force: true });
});

/** The ILACS report fixture, about this site's county, drawn into a PDF. */
async function reportPdf(): Promise<Uint8Array> {
  return layoutPdf((await readFile(path.join(fixtures, 'ilacs-report.txt'), 'utf8')).replaceAll('Exampleshire', 'Herefordshire'));
}

async function run(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (text) => void stdout.push(text), stderr: (text) => void stderr.push(text) });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

/** Two good documents and one bad one, with files and a subfolder the import leaves alone. */
async function mixedFolder(): Promise<void> {
  await writeFile(path.join(folder, 'a-letter.txt'), letterText);
  await writeFile(path.join(folder, 'b-report.PDF'), await reportPdf());
  await writeFile(path.join(folder, 'c-empty.txt'), '');
  await writeFile(path.join(folder, 'notes.md'), letterText);
  await writeFile(path.join(folder, '._a-letter.txt'), 'a Mac’s resource fork');
  await mkdir(path.join(folder, 'older'));
  await writeFile(path.join(folder, 'older', 'letter.txt'), letterText);
}

const file = (name: string): string => path.join(folder, name);

describe('npm run import -- <folder>', () => {
  it('imports each .pdf and .txt file in name order, one line each and a summary, and exits 1 when one is refused', async () => {
    await mixedFolder();
    const inputsBefore = (await readdir(folder)).sort();
    const result = await run(folder, '--out', out);

    expect(result.stdout.split('\n')).toEqual([
      `${file('a-letter.txt')}: imported as 2024-09-monitoring-visit-5 (${path.join(out, LETTER_REPORT)})`,
      expect.stringMatching(
        new RegExp(`^${escape(file('b-report.PDF'))}: imported with problems as 2024-09-inspection \\(${escape(path.join(out, INSPECTION_REPORT))}\\): .*could not find: published \\(fill these in by hand\\)`),
      ),
      `${file('c-empty.txt')}: refused: the file is empty. Fix: pass the file that holds the letter’s text (or its PDF).`,
      '3 files: 2 imported (1 with problems), 1 refused',
      '',
    ]);
    expect(result.code).toBe(EXIT.refused);
    expect(result.stderr).toMatch(/^import: every imported report still needs its headline written and its sources checked by hand\nimport: themes are suggested/);

    // The two reports, whole; no temporary or partial file; the inputs untouched.
    expect((await readdir(out)).sort()).toEqual([INSPECTION_REPORT, LETTER_REPORT]);
    expect(await readFile(path.join(out, LETTER_REPORT), 'utf8')).toMatch(/^---\ntitle: Monitoring visit to Herefordshire children’s services\n[\s\S]*<\/SignOff>\n$/);
    expect(await readFile(path.join(out, INSPECTION_REPORT), 'utf8')).toMatch(/^---\ntitle: Inspection of Herefordshire[\s\S]*\nkind: inspection\n/);
    expect((await readdir(folder)).sort()).toEqual(inputsBefore);
  }, 30_000);

  it('exits 0 when every file is imported, problems or not', async () => {
    await writeFile(path.join(folder, 'a-letter.txt'), letterText);
    // Another council's letter, written outside content/: imported, its warning listed.
    await writeFile(path.join(folder, 'b-other.txt'), await readFile(path.join(fixtures, 'focused-visit-2019.txt')));
    const result = await run(folder, '--out', out);
    expect(result.code).toBe(EXIT.ok);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[1]).toMatch(/b-other\.txt: imported with problems as 2019-02-focused-visit \(.+\): warning: this document is about Exampleshire County Council, not Herefordshire Council/);
    expect(lines.at(-1)).toBe('2 files: 2 imported (1 with problems), 0 refused');
    expect((await readdir(out)).sort()).toEqual(['2019-02-focused-visit.mdx', LETTER_REPORT]);
  });

  it('--json writes each file’s outcome and the summary as JSON, the lines printed as well', async () => {
    await mixedFolder();
    const json = path.join(out, 'results.json');
    const result = await run(folder, '--out', out, '--json', json);
    expect(result.code).toBe(EXIT.refused);
    const data = JSON.parse(await readFile(json, 'utf8'));
    expect(data).toEqual({
      folder,
      files: [
        { file: file('a-letter.txt'), outcome: 'imported', slug: '2024-09-monitoring-visit-5', path: path.join(out, LETTER_REPORT), missing: ['headline', 'sources'], problems: [] },
        {
          file: file('b-report.PDF'),
          outcome: 'imported-with-problems',
          slug: '2024-09-inspection',
          path: path.join(out, INSPECTION_REPORT),
          missing: expect.arrayContaining(['headline', 'published', 'sources']),
          problems: expect.arrayContaining(['could not find: published (fill these in by hand)']),
        },
        { file: file('c-empty.txt'), outcome: 'refused', code: 'empty', reason: 'the file is empty', fix: 'pass the file that holds the letter’s text (or its PDF)' },
      ],
      summary: { files: 3, imported: 2, withProblems: 1, refused: 1, importerBugs: 0 },
    });
    // The same outcomes as the lines.
    expect(result.stdout).toContain(`${file('b-report.PDF')}: imported with problems as 2024-09-inspection (${path.join(out, INSPECTION_REPORT)}): ${data.files[1].problems.join('; ')}\n`);
    expect((await readdir(out)).sort()).toEqual([INSPECTION_REPORT, LETTER_REPORT, 'results.json']);
  }, 30_000);

  it('refuses one file without stopping the others: a report that exists, or a second file giving the same report', async () => {
    await writeFile(path.join(folder, 'a-letter.txt'), letterText);
    await writeFile(path.join(folder, 'b-same-letter.txt'), letterText);
    await writeFile(path.join(out, LETTER_REPORT), 'an editor’s work\n');
    const kept = await run(folder, '--out', out);
    expect(kept.code).toBe(EXIT.refused);
    expect(kept.stdout.split('\n')[0]).toBe(`${file('a-letter.txt')}: refused: ${path.join(out, LETTER_REPORT)} already exists. Fix: pass --force to overwrite it, or remove the file.`);
    expect(kept.stdout).toContain('2 files: 0 imported, 2 refused\n');
    expect(await readFile(path.join(out, LETTER_REPORT), 'utf8')).toBe('an editor’s work\n');

    // With --force the first overwrites it; the second is refused, not written over the first.
    const forced = await run(folder, '--out', out, '--force');
    expect(forced.code).toBe(EXIT.refused);
    expect(forced.stdout.split('\n').slice(0, 3)).toEqual([
      `${file('a-letter.txt')}: imported as 2024-09-monitoring-visit-5 (${path.join(out, LETTER_REPORT)})`,
      `${file('b-same-letter.txt')}: refused: it gives the same report as ${file('a-letter.txt')}, which this import has just written to ${path.join(out, LETTER_REPORT)}. Fix: keep only one of the two files in the folder (or import this one on its own with --force to replace it).`,
      '2 files: 1 imported, 1 refused',
    ]);
    expect(await readdir(out)).toEqual([LETTER_REPORT]);
  });

  it('refuses --stdout, --json with one file, and a folder with no document, as usage errors naming the fix', async () => {
    await writeFile(path.join(folder, 'a-letter.txt'), letterText);
    const stdout = await run(folder, '--stdout');
    expect(stdout.code).toBe(EXIT.usage);
    expect(stdout.stdout).toBe('');
    expect(stdout.stderr).toMatch(/^import: --stdout prints one report, and .+ is a folder \(pass one of its files with --stdout, or leave out --stdout to write the folder’s reports into --out\)\. Fix: run npm run import -- /);

    const json = await run(file('a-letter.txt'), '--out', out, '--json', path.join(out, 'results.json'));
    expect(json.code).toBe(EXIT.usage);
    expect(json.stderr).toMatch(/^import: --json is for a folder, and .+a-letter\.txt is one file \(pass its folder, or leave out --json\)\. Fix: /);
    expect((await run(folder, '--json')).stderr).toMatch(/^import: --json needs the file to write the results to\. Fix: /);

    const empty = path.join(folder, 'empty');
    await mkdir(empty);
    await writeFile(path.join(empty, 'notes.md'), letterText);
    const none = await run(empty, '--out', out);
    expect(none.code).toBe(EXIT.usage);
    expect(none.stderr).toMatch(/^import: .+empty holds no \.pdf or \.txt file \(its subfolders are not read\)\. Fix: /);
    expect(await readdir(out)).toEqual([]);
  });

  it('exits 1 from the shell when a file is refused, importing the whole folder in one process', async () => {
    await writeFile(path.join(folder, 'a-letter.txt'), letterText);
    await writeFile(path.join(folder, 'b-not-a-letter.txt'), await readFile(path.join(fixtures, 'not-a-letter.txt')));
    const script = path.resolve(import.meta.dirname, '../../../scripts/import.ts');
    const result = spawnSync(process.execPath, [script, folder, '--out', out], { encoding: 'utf8' });
    expect(result.status).toBe(EXIT.refused);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/a-letter\.txt: imported as 2024-09-monitoring-visit-5 /),
      expect.stringMatching(/b-not-a-letter\.txt: refused: this does not look like an Ofsted letter/),
      '2 files: 1 imported, 1 refused',
    ]);
    expect(await readdir(out)).toEqual([LETTER_REPORT]);
    // One Node process that loads the importer: on a loaded 2-core machine, more than Vitest's 5 s.
  }, 30_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
