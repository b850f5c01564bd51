/**
 * Imports every Ofsted document under one or more folders (subfolders too), in memory, writing
 * nothing, and checks each import against its own document (src/lib/importer/verify.ts) and,
 * for 2018-26 reports, against a third party's table of grades and dates. Prints what is wrong
 * with each document, the count of each kind of defect, and the table the README shows.
 *
 * Usage: npm run sweep -- <folder>... [--csv ofsted_csc_ilacs_history.csv] [--errata scripts/sweep/csv-errata.json]
 *                                     [--list] [--json results.json]
 *
 *   --csv <file>     the table to cross-check 2018-26 reports with (rows matched by the folder's
 *                    leading URN, `<urn>_<council>/`, and the PDF's file name, as in the public
 *                    collection JT-39/ofsted-ilacs-scrape-tool)
 *   --errata <file>  the table's known errors, each read in the document (default: scripts/sweep/csv-errata.json)
 *
 * A defect that is the document's own (Ofsted printing a paragraph number twice, or skipping
 * one: the import keeps Ofsted's numbers as printed) is listed in scripts/sweep/document-errata.json,
 * each read in the PDF, and is shown but not counted.
 *   --list           print every document with a defect, and what it is
 *   --json <file>    write every document's outcome as JSON
 *
 * Not part of `npm test`: the documents are not in the repository (README, "The importer on
 * every Ofsted document"). Exit code 0 when it ran, 2 on wrong usage.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importDocument, ImportError } from '../src/lib/importer/index.ts';
import { parseCsv } from '../src/lib/utils/csv.ts';
import { pdfToText } from '../src/lib/importer/pdf.ts';
import {
  crossCheck,
  defectCounts,
  familyOf,
  familyOfName,
  tableMarkdown,
  tabulate,
  type Disagreement,
  type SweepOutcome,
} from '../src/lib/importer/sweep.ts';
import { importDefects, type Defect } from '../src/lib/importer/verify.ts';

const USAGE = 'npm run sweep -- <folder>... [--csv <table.csv>] [--errata <errata.json>] [--list] [--json <results.json>]';

/** A defect that is the document's own, not the import's: `document` as in Erratum, the check's name. */
interface DocumentErratum {
  document: string;
  check: string;
  why: string;
}

interface Erratum {
  /** `<urn>/<pdf file name>`, as the table names the document. */
  document: string;
  field: string;
  /** What the document says (what the import should read). */
  says: string;
  why: string;
}

async function documentsUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await documentsUnder(full)));
    else if (/\.pdf$/i.test(entry.name)) files.push(full);
    // A text file is a document only where no PDF of the same name stands beside it.
    else if (/\.txt$/i.test(entry.name) && !entries.some((other) => other.name === entry.name.replace(/\.txt$/i, '.pdf'))) files.push(full);
  }
  return files;
}

/** The table's key for a file: `<urn>/<file name>` from a `<urn>_<council>/` folder. */
function tableKey(file: string): string | undefined {
  const urn = /^(\d+)_/.exec(path.basename(path.dirname(file)))?.[1];
  return urn ? `${urn}/${path.basename(file)}`.toLowerCase() : undefined;
}

async function sweepOne(file: string, table: Map<string, Record<string, string>>, errata: readonly Erratum[], own: readonly DocumentErratum[]): Promise<SweepOutcome> {
  const name = path.basename(file);
  let source: string;
  try {
    const bytes = await readFile(file);
    source = /\.pdf$/i.test(file) ? await pdfToText(bytes, name) : bytes.toString('utf8');
    const result = importDocument(source, { fileName: name });
    const family = familyOf(result);
    const key = tableKey(file);
    const row = key ? table.get(key) : undefined;
    const disagreements: Disagreement[] = row && family === 'ilacs' ? crossCheck(result, row) : [];
    const known = (disagreement: Disagreement): boolean =>
      errata.some((erratum) => erratum.document.toLowerCase() === key && erratum.field === disagreement.field && erratum.says === disagreement.document);
    const documentsOwn = (defect: Defect): boolean => own.some((erratum) => erratum.document.toLowerCase() === key && erratum.check === defect.check);
    const defects = importDefects(result, source);
    return {
      file,
      family,
      outcome: 'imported',
      defects: defects.filter((defect) => !documentsOwn(defect)),
      documentsOwn: defects.filter(documentsOwn),
      disagreements: disagreements.filter((d) => !known(d)),
    };
  } catch (error) {
    const family = familyOfName(file);
    // `internal` is the importer's own check failing (its output would not show the document's
    // words): a bug, counted with the crashes, not a refusal of a bad document.
    if (error instanceof ImportError && error.code !== 'internal') {
      const notADocument = error.code === 'unreadable-pdf' && /web page/.test(error.message);
      return { file, family, outcome: notADocument ? 'not-a-document' : 'refused', reason: error.message, defects: [], disagreements: [] };
    }
    return { file, family, outcome: 'crashed', reason: (error as Error).stack ?? String(error), defects: [], disagreements: [] };
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { csv: { type: 'string' }, errata: { type: 'string' }, list: { type: 'boolean' }, json: { type: 'string' } },
    });
  } catch (error) {
    console.error(`sweep: ${(error as Error).message}\nUsage: ${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    console.error(`sweep: no folder given\nUsage: ${USAGE}`);
    return 2;
  }
  const table = new Map<string, Record<string, string>>();
  if (values.csv) {
    for (const row of parseCsv(await readFile(values.csv, 'utf8'))) table.set(`${row.urn}/${row.pdf_filename}`.toLowerCase(), row);
  }
  const errataFile = values.errata ?? path.resolve(import.meta.dirname, 'sweep/csv-errata.json');
  const errata = JSON.parse(await readFile(errataFile, 'utf8')) as Erratum[];
  const own = JSON.parse(await readFile(path.resolve(import.meta.dirname, 'sweep/document-errata.json'), 'utf8')) as DocumentErratum[];

  const files = (await Promise.all(positionals.map(documentsUnder))).flat();
  const started = performance.now();
  const outcomes: SweepOutcome[] = [];
  for (const file of files) outcomes.push(await sweepOne(file, table, errata, own));
  const seconds = (performance.now() - started) / 1000;

  if (values.list) {
    for (const outcome of outcomes) {
      const problems = [
        ...(outcome.reason ? [`${outcome.outcome}: ${outcome.reason.split('\n')[0]}`] : []),
        ...outcome.defects.map((defect) => `${defect.part} ${defect.check}: ${defect.detail}`),
        ...outcome.disagreements.map((d) => `frontmatter: the table says ${d.field} ${d.table}, the import ${d.document}`),
        ...(outcome.documentsOwn ?? []).map((defect) => `the document's own (not counted): ${defect.check}: ${defect.detail}`),
      ];
      if (problems.length > 0) console.log(`${outcome.file}\n  ${problems.join('\n  ')}`);
    }
    console.log('');
  }
  for (const { check, documents } of defectCounts(outcomes)) console.log(`${String(documents).padStart(4)}  ${check}`);
  const notDocuments = outcomes.filter((outcome) => outcome.outcome === 'not-a-document').length;
  console.log(`\n${files.length} files in ${seconds.toFixed(1)} s (${((1000 * seconds) / Math.max(files.length, 1)).toFixed(0)} ms a file); ${notDocuments} not documents (a web page saved as .pdf), left out of the table\n`);
  console.log(tableMarkdown(tabulate(outcomes)));
  if (values.json) await writeFile(values.json, JSON.stringify(outcomes, null, 1) + '\n');
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
