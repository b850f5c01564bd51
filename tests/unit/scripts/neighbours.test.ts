/**
 * `npm run neighbours` (scripts/neighbours.ts) on a folder these tests write: an index.csv and a
 * report about a fictional council, drawn into a PDF from the importer's ILACS fixture. It writes
 * the neighbours' folder whole when every listed document imports and agrees with its row;
 * otherwise it names each file and the fix, and leaves the folder as it was.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT, main } from '../../../scripts/neighbours.ts';
import { neighbourReportSchema } from '../../../src/lib/record/schema.ts';
import { layoutPdf } from '../../helpers/pdf.ts';

const fixture = await readFile(path.resolve(import.meta.dirname, '../../fixtures/letters/ilacs-report.txt'), 'utf8');
const HEADER = 'file,council,la_code,published,official_url,framework\n';
const ROW = 'exampleshire/2024-12-03-inspection.pdf,Exampleshire,990,2024-12-03,https://files.ofsted.gov.uk/v1/file/990,standard\n';

let folder: string;
let out: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'neighbours-in-'));
  out = path.join(await mkdtemp(path.join(os.tmpdir(), 'neighbours-out-')), 'neighbours');
  await mkdir(path.join(folder, 'exampleshire'));
  await writeFile(path.join(folder, 'exampleshire/2024-12-03-inspection.pdf'), await layoutPdf(fixture));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
  await rm(path.dirname(out), { recursive: true, force: true });
});

async function run(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (text) => void stdout.push(text), stderr: (text) => void stderr.push(text) });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

function frontmatter(mdx: string): unknown {
  return parse(/^---\n([\s\S]*?)\n---\n/.exec(mdx)![1]!);
}

describe('npm run neighbours -- <folder>', () => {
  it('writes each report in full under its council, with the index’s council, code, date and address, and the themes left as suggestions', async () => {
    await writeFile(path.join(folder, 'index.csv'), HEADER + ROW);
    // What was in the folder before goes: the folder is the command's.
    await mkdir(path.join(out, 'gone'), { recursive: true });
    await writeFile(path.join(out, 'gone/2020-01-inspection.mdx'), 'old');
    const result = await run(folder, '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain('1 report of 1 council');
    expect(await readdir(out)).toEqual(['exampleshire']);
    expect(await readdir(path.join(out, 'exampleshire'))).toEqual(['2024-09-inspection.mdx']);
    const mdx = await readFile(path.join(out, 'exampleshire/2024-09-inspection.mdx'), 'utf8');
    const data = neighbourReportSchema.parse(frontmatter(mdx));
    expect(data).toMatchObject({
      kind: 'inspection',
      authority: 'Exampleshire',
      laCode: '990',
      visitStart: '2024-09-30',
      published: '2024-12-03',
      framework: 'standard',
      paragraphNumbers: 'ofsted',
      sources: [{ title: 'Ofsted: the inspection report (PDF)', url: 'https://files.ofsted.gov.uk/v1/file/990' }],
    });
    expect(data.judgements).toContainEqual({ area: 'Overall effectiveness', grade: 'requires-improvement' });
    expect(mdx).not.toMatch(/^headline:/m);
    // Ofsted's numbered paragraphs, each in a Finding with the importer's suggestions, still marked.
    expect(mdx).toMatch(/<Finding themes="[^"]*" suggested>\n\n1\\\. /);
    expect(mdx).not.toMatch(/<Finding(?![^>]*suggested)[^>]*>/);
  }, 30_000);

  it('fails naming each file that cannot be used and the fix, and leaves the folder as it was', async () => {
    await writeFile(
      path.join(folder, 'index.csv'),
      HEADER + ROW.replace(',Exampleshire,', ',Sampleton,') + 'missing/2024-01-01-inspection.pdf,Missing,991,2024-01-01,https://files.ofsted.gov.uk/v1/file/991,\n',
    );
    await mkdir(path.join(out, 'kept'), { recursive: true });
    await writeFile(path.join(out, 'kept/2020-01-inspection.mdx'), 'kept');
    const result = await run(folder, '--out', out);
    expect(result.code).toBe(EXIT.refused);
    expect(result.stderr).toMatch(/exampleshire\/2024-12-03-inspection\.pdf.*is about Exampleshire, but index\.csv gives it to Sampleton \(990\)/);
    expect(result.stderr).toMatch(/missing\/2024-01-01-inspection\.pdf.*is listed in index\.csv but cannot be read/);
    expect(result.stderr).toContain('2 problems; nothing written');
    expect(await readdir(out)).toEqual(['kept']);
    expect(await readFile(path.join(out, 'kept/2020-01-inspection.mdx'), 'utf8')).toBe('kept');
  }, 30_000);

  it('refuses a folder without its index, as wrong usage', async () => {
    const result = await run(path.join(folder, 'exampleshire'), '--out', out);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toMatch(/index\.csv cannot be read.*Fix: pass the folder/);
  });
});
