/**
 * The importer on the real reports in ../shared (issue 24): the latest report of each of England's
 * 153 councils (sources/england/) and the 30 reports of Herefordshire's ten statistical neighbours
 * (sources/neighbours/), each imported from its PDF and checked against its own document
 * (src/lib/importer/verify.ts: Ofsted's numbers 1..N, no header, page number or back page left,
 * every word kept, the council, the inspectors, the judgement areas), against its folder's
 * index.csv (the publication date), and against what its framework gives (the judgements).
 *
 * Where ../shared is absent these tests are registered and reported as skipped.
 *
 * KNOWN lists the documents the importer is not yet right on, each with the checks it still fails
 * and the failure class. The list is a ratchet: a document on it that comes right fails
 * the test until it is taken off, and a document off it that goes wrong fails the test.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEngland } from '../../../scripts/england.ts';
import { LATEST_REPORTS_FILE } from '../../../src/lib/compare/data.ts';
import { englandPicture, pictureSummary } from '../../../src/lib/compare/england-picture.ts';
import type { ImportedFacts } from '../../../src/lib/compare/from-documents.ts';
import { formatProblem } from '../../../src/lib/utils/content-problems.ts';
import { importDocument } from '../../../src/lib/importer/index.ts';
import { pdfToText } from '../../../src/lib/importer/pdf.ts';
import { parseCsv } from '../../../src/lib/utils/csv.ts';
import { importDefects } from '../../../src/lib/importer/verify.ts';
import { sharedFile } from '../../helpers/shared.ts';

/** `<folder>/<file>` → the checks it still fails (`part check`), and why. */
const KNOWN: Record<string, { checks: string[]; why: string }> = {
  // The document's own error, kept as printed: the import never renumbers Ofsted.
  'england/lambeth-2026-03-10-inspection.pdf': { checks: ['body numbering'], why: 'Ofsted printed paragraph 57 twice' },
  'england/nottingham-2022-09-05-inspection.pdf': {
    checks: ['body numbering'],
    why: 'Ofsted printed paragraph 34 without its full stop; kept as printed, so the numbers read go from 33 to 35',
  },
};

/** The reports that print their paragraphs as bullets, without Ofsted's numbers: numbered as a letter is. */
const UNNUMBERED = new Set(['neighbours/derbyshire/2014-02-11-inspection.pdf']);

interface Row {
  folder: 'england' | 'neighbours';
  file: string;
  council: string;
  published: string;
}

async function rows(folder: Row['folder']): Promise<Row[]> {
  const index = sharedFile('sources', folder, 'index.csv');
  if (!index) return [];
  return parseCsv(await readFile(index, 'utf8'))
    .filter((row) => /\.pdf$/.test(row.file ?? ''))
    .map((row) => ({ folder, file: row.file!, council: row.council!, published: row.published! }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

const documents = [...(await rows('england')), ...(await rows('neighbours'))];
/** What the importer read from each of England's documents, kept for the recount at the end (the 153 imports are the slow part). */
const englandImports = new Map<string, ImportedFacts>();
async function importEngland(file: string): Promise<ImportedFacts> {
  const source = await pdfToText(await readFile(sharedFile('sources', 'england', file)!), file);
  return importDocument(source, { fileName: file }).frontmatter;
}
/** From 1 April 2026 Ofsted gives four judgements and no overall effectiveness. */
const FRAMEWORK_2026 = '2026-04-01';

describe.skipIf(documents.length === 0)('the 183 real reports in ../shared, each from its PDF', () => {
  it('are all there: 153 councils’ latest reports and 30 of the neighbours’', () => {
    expect(documents.filter((row) => row.folder === 'england')).toHaveLength(153);
    expect(documents.filter((row) => row.folder === 'neighbours')).toHaveLength(30);
  });

  for (const row of documents) {
    const name = `${row.folder}/${row.file}`;
    it(name, async () => {
      const source = await pdfToText(await readFile(sharedFile('sources', row.folder, row.file)!), row.file);
      const result = importDocument(source, { fileName: row.file });
      const fm = result.frontmatter as typeof result.frontmatter & { published?: string };
      if (row.folder === 'england') englandImports.set(row.file, fm);
      expect(fm.kind).toBe('inspection');
      expect(fm.paragraphNumbers).toBe(UNNUMBERED.has(name) ? undefined : 'ofsted');
      if (fm.published !== undefined) expect(fm.published).toBe(row.published);
      expect((fm.visitEnd ?? fm.visitStart) <= row.published).toBe(true);
      const areas = (fm.judgements ?? []).map(({ area }) => area);
      const overall = areas.filter((area) => /^overall/i.test(area));
      if (fm.visitStart >= FRAMEWORK_2026) {
        expect(overall, 'no overall effectiveness judgement under the 2026 framework').toEqual([]);
        expect(areas).toHaveLength(4);
      } else {
        expect(overall).toHaveLength(1);
        expect(areas.length).toBeGreaterThanOrEqual(fm.visitStart < '2018-01-01' ? 6 : 4);
      }
      const failing = [...new Set(importDefects(result, source).map((defect) => `${defect.part} ${defect.check}`))].sort();
      expect(failing, KNOWN[name]?.why ?? 'every check passes').toEqual(KNOWN[name]?.checks ?? []);
    }, 60_000);
  }

  // After the documents above (a test file's tests run in order), so that each is imported once;
  // a document not imported yet (a run filtered by name) is imported here.
  it('England’s latest reports: content/england/latest-reports.json is what `npm run england` makes of the 153 documents, and its counts agree', async () => {
    const { data, problems } = await readEngland(path.dirname(sharedFile('sources', 'england', 'index.csv')!), async (row) => englandImports.get(row.file) ?? importEngland(row.file));
    expect(problems.map(formatProblem)).toEqual([]);
    const committed = JSON.parse(await readFile(path.resolve(import.meta.dirname, '../../..', LATEST_REPORTS_FILE), 'utf8'));
    expect(pictureSummary(englandPicture(data!))).toEqual(pictureSummary(englandPicture(committed)));
    expect(data, 'run npm run england and commit what it writes').toEqual(committed);
  }, 120_000);
});
