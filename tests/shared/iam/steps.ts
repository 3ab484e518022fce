// Test helper: run directory operations one after another, failing the test at the first refusal.

import type { Directory, DirectoryResult } from '../../../shared/iam/directory.ts';
import { emptyDirectory } from '../../../shared/iam/directory.ts';

export function build(...steps: ((d: Directory) => DirectoryResult)[]): Directory {
  let directory = emptyDirectory();
  for (const step of steps) {
    const result = step(directory);
    if (!result.ok) throw new Error(`step refused: ${result.code}: ${result.message}`);
    directory = result.directory;
  }
  return directory;
}

export function refusal(result: DirectoryResult | { ok: boolean }): { code: string; message: string } {
  if (result.ok) throw new Error('expected a refusal');
  return result as unknown as { code: string; message: string };
}
