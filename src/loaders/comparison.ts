/**
 * The comparison's data (issue 26), read once per build: England's latest reports and
 * Herefordshire's statistical neighbours, from the content folder's `england/` (CONTENT_DIR
 * included), through readComparisonData (src/lib/compare/data.ts).
 *
 * Present or absent, decided by the folder alone:
 * - neither file (the test fixtures, the benchmark's corpus): there is no comparison, and the
 *   comparison page, its open data and the links to them are not built;
 * - one file without the other: the build fails, naming the missing file;
 * - both: any problem in either fails the build with every problem's file and fix (ContentError).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readComparisonData, type ComparisonData } from '../lib/compare/data.ts';
import { comparisonPlaces, type CouncilPlace, type EnglandPicture } from '../lib/compare/england-picture.ts';
import { ContentError } from '../lib/utils/content-problems.ts';
import { contentDir, displayPath } from './content-dir.ts';

export interface Comparison {
  data: ComparisonData;
  picture: EnglandPicture;
  /** Herefordshire's place in England's picture. */
  council: CouncilPlace;
  /** Each statistical neighbour's, closest first. */
  neighbours: CouncilPlace[];
}

let loaded: { comparison: Comparison | undefined } | undefined;

/** The comparison, or undefined when the content folder holds neither of its files. */
export function loadComparison(): Comparison | undefined {
  loaded ??= { comparison: load() };
  return loaded.comparison;
}

function load(): Comparison | undefined {
  const latestFile = path.join(contentDir, 'england', 'latest-reports.json');
  const neighboursFile = path.join(contentDir, 'england', 'statistical-neighbours.json');
  const files = { latest: displayPath(latestFile), neighbours: displayPath(neighboursFile) };
  const present = { latest: existsSync(latestFile), neighbours: existsSync(neighboursFile) };
  if (!present.latest && !present.neighbours) return undefined;
  if (!present.latest || !present.neighbours) {
    const [missing, other] = present.latest ? [files.neighbours, files.latest] : [files.latest, files.neighbours];
    throw new ContentError([
      {
        file: missing,
        message: `is missing, though ${other} is there: the comparison needs both.`,
        fix: present.latest
          ? 'restore the statistical neighbours list (README, “England’s latest reports and the statistical neighbours”), or remove both files to build without the comparison.'
          : 'run `npm run england` (README, “England’s latest reports and the statistical neighbours”), or remove both files to build without the comparison.',
      },
    ]);
  }
  const data = readComparisonData(readFileSync(latestFile, 'utf8'), readFileSync(neighboursFile, 'utf8'), files);
  return { data, ...comparisonPlaces(data) };
}
