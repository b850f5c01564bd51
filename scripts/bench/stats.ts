/** Medians and ranges over repeated runs, and the units the bench prints. */

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('bench: no values to summarise.');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, runs: [...values] };
}

/** Binary units throughout: 1 KB = 1,024 bytes, 1 MB = 1,024 KB, 1 GB = 1,024 MB. */
export const KB = 1024;
export const MB = 1024 * KB;
export const GB = 1024 * MB;

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
