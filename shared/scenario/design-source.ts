// Loading the designs a scenario names (its starting board, its reference and naive solutions): a manifest under
// assets/ read through `readAsset`, or a design written inline in the scenario. Pure: whoever has files (the
// server, the CLI, the tests) hands in the reader; where there are none (the browser, a published level) only
// inline designs load, and a path is refused with the loader's own issue, never read.

import { FRESH_ACCOUNT, type Account } from '../account/default-vpc.ts';
import { loadDesign, type LoadedDesign } from '../template/manifest.ts';
import { parseManifestText } from '../template/manifest-schema.ts';
import type { DesignSource } from './schema.ts';

/** Reads a file under assets/ by its path there (e.g. `templates/single-server.yaml`); undefined when absent. */
export type AssetReader = (path: string) => string | undefined;

/** The folder part of an assets/ path, with its trailing slash ('' at the top). */
function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

/** `relative` taken from `folder`, with `.` and `..` resolved; undefined when it climbs out of assets/. */
export function assetPathFrom(folder: string, relative: string): string | undefined {
  const parts: string[] = [];
  for (const part of `${folder}${relative}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/**
 * The design a scenario names, loaded as the CLI and the rooms load any design. An inline design's templates are
 * already data; a manifest path's templates are read relative to the manifest's folder, inside assets/ only.
 */
export function loadDesignSource(source: DesignSource, account: Account = FRESH_ACCOUNT, readAsset?: AssetReader): LoadedDesign {
  if (typeof source !== 'string') return loadDesign(source, () => undefined, { account });
  const text = readAsset?.(source);
  if (text === undefined) return { issues: [{ severity: 'error', code: 'unreadable', message: `cannot read the design "${source}"` }] };
  const parsed = parseManifestText(text);
  if (!parsed.manifest) return { issues: parsed.issues };
  const folder = folderOf(source);
  return loadDesign(
    parsed.manifest,
    (template) => {
      const path = assetPathFrom(folder, template);
      return path === undefined ? undefined : readAsset?.(path);
    },
    { account },
  );
}
