/**
 * The project's source material beside the checkout (`../shared`, as in CI), or where
 * SHARED_DIR points. Tests that read it must pass where it is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const sharedFolder = path.resolve(process.env.SHARED_DIR ?? path.resolve(import.meta.dirname, '../../../shared'));

/** A path inside the shared folder, or undefined when the file is not there. */
export function sharedFile(...parts: string[]): string | undefined {
  const file = path.join(sharedFolder, ...parts);
  return existsSync(file) ? file : undefined;
}
