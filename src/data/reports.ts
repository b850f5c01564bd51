/**
 * The one place pages get reports from. getCollection() runs once per build and its order is
 * not stable, so the list is sorted here; cross-file checks run here too, so a bad report fails
 * the build before any page renders.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { reportProblems, sortNewestFirst } from '../lib/reports.ts';

export type Report = CollectionEntry<'reports'>;

let reports: Promise<Report[]> | undefined;

export function allReports(): Promise<Report[]> {
  reports ??= load();
  return reports;
}

async function load(): Promise<Report[]> {
  const entries = await getCollection('reports');
  const problems = reportProblems(entries);
  if (problems.length > 0) {
    throw new Error(`The reports have ${problems.length} problem(s):\n${problems.join('\n')}`);
  }
  return sortNewestFirst(entries);
}
