/**
 * `npm run england` (scripts/england.ts) on a folder these tests write: an index.csv and reports
 * about fictional councils, drawn into PDFs from the importer's ILACS fixture. It writes the data
 * only when every listed document imports and agrees with its row; otherwise it names each file
 * and the fix, and writes nothing.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT, main } from '../../../scripts/england.ts';
import { latestReportsSchema } from '../../../src/lib/compare/data.ts';
import { layoutPdf } from '../../helpers/pdf.ts';

const fixture = await readFile(path.resolve(import.meta.dirname, '../../fixtures/letters/ilacs-report.txt'), 'utf8');
/** The fixture judges children in care and not care leavers; a 2024 report judges both. */
const withCareLeavers = fixture.replace(
  ' children in care\n',
  ' children in care\n\n The experiences and progress of care         Outstanding\n leavers\n',
);
const HEADER = 'file,council,la_code,published,official_url,framework\n';
const ROW = 'exampleshire-2024-12-03-inspection.pdf,Exampleshire,990,2024-12-03,https://files.ofsted.gov.uk/v1/file/990,standard\n';

let folder: string;
let out: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'england-in-'));
  out = path.join(await mkdtemp(path.join(os.tmpdir(), 'england-out-')), 'latest-reports.json');
  await writeFile(path.join(folder, 'exampleshire-2024-12-03-inspection.pdf'), await layoutPdf(withCareLeavers));
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

describe('npm run england -- <folder>', () => {
  it('writes one record per council, the judgements as the importer read them, and prints the counts', async () => {
    await writeFile(path.join(folder, 'index.csv'), HEADER + ROW);
    const result = await run(folder, '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(EXIT.ok);
    const data = latestReportsSchema.parse(JSON.parse(await readFile(out, 'utf8')));
    expect(data.reports).toEqual([
      {
        laCode: '990',
        council: 'Exampleshire',
        file: 'exampleshire-2024-12-03-inspection.pdf',
        published: '2024-12-03',
        officialUrl: 'https://files.ofsted.gov.uk/v1/file/990',
        framework: 'standard',
        visitStart: '2024-09-30',
        visitEnd: '2024-10-11',
        judgements: [
          { area: 'The impact of leaders on social work practice with children and families', grade: 'requires-improvement' },
          { area: 'The experiences and progress of children who need help and protection', grade: 'good' },
          { area: 'The experiences and progress of children in care', grade: 'good' },
          { area: 'The experiences and progress of care leavers', grade: 'outstanding' },
          { area: 'Overall effectiveness', grade: 'requires-improvement' },
        ],
      },
    ]);
    expect(result.stdout).toContain('the latest reports of 1 council, published up to 2024-12-03');
    expect(result.stdout).toContain('Care leavers: 1 outstanding, 0 good, 0 requires improvement to be good, 0 inadequate');
  }, 30_000);

  it('fails naming each file that cannot be used and the fix, and writes nothing', async () => {
    // A report whose table lacks care leavers, and a file that is not there.
    await writeFile(path.join(folder, 'sampleton-2024-12-03-inspection.pdf'), await layoutPdf(fixture.replaceAll('Exampleshire', 'Sampleton')));
    await writeFile(
      path.join(folder, 'index.csv'),
      HEADER +
        ROW +
        'sampleton-2024-12-03-inspection.pdf,Sampleton,991,2024-12-03,https://files.ofsted.gov.uk/v1/file/991,short\n' +
        'mockford-2024-12-03-inspection.pdf,Mockford,992,2024-12-03,https://files.ofsted.gov.uk/v1/file/992,short\n',
    );
    await writeFile(out, 'the data as it was\n');
    const result = await run(folder, '--out', out);
    expect(result.code).toBe(EXIT.refused);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe(`england: ${path.join(folder, 'sampleton-2024-12-03-inspection.pdf')}: the report has no judgement of care-leavers. Fix: check the report’s judgement table was read right; then run the command again.`);
    expect(lines[1]).toMatch(new RegExp(`^england: ${path.join(folder, 'mockford-2024-12-03-inspection.pdf')}: is listed in index\\.csv but cannot be read \\(ENOENT\\)\\. Fix: `));
    expect(lines.at(-1)).toMatch(/^england: 2 problems; nothing written/);
    expect(await readFile(out, 'utf8')).toBe('the data as it was\n');
  }, 30_000);

  it('refuses a folder without an index, and wrong usage', async () => {
    const missing = await run(path.join(folder, 'nowhere'), '--out', out);
    expect(missing.code).toBe(EXIT.refused);
    expect(missing.stderr).toMatch(/index\.csv: cannot be read \(ENOENT\)\. Fix: pass the folder of England’s latest reports/);
    const usage = await run(folder, 'another', '--out', out);
    expect(usage.code).toBe(EXIT.usage);
    expect(usage.stderr).toMatch(/^england: one folder at a time/);
    await expect(readFile(out, 'utf8')).rejects.toThrow(/ENOENT/);
  });
});
