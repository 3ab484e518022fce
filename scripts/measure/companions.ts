// Companion stacks: many real templates take their network from another stack's exports (Fn::ImportValue of
// "<stack>-VPC", "production:PublicListener"…). Alone, CloudFormation refuses them too. To measure what they need
// beyond that, the measurement deploys, before them, the template of the same repository that exports the missing
// names, under the stack name the import expects, as a person following the repository's instructions would.

import { parseTemplateText } from '../../shared/template/index.ts';

export interface Candidate {
  file: string;
  text: string;
  /** The repository the template came from (the file name's first part, before "__"). */
  repo: string;
  /** Its Outputs as JSON text: where export names are looked for. */
  outputs: string;
}

export function repoOf(file: string): string {
  return file.split('__')[0] ?? file;
}

/** Templates with exported outputs, the candidates for companion stacks. */
export function exportingTemplates(files: { file: string; text: string }[]): Candidate[] {
  const out: Candidate[] = [];
  for (const { file, text } of files) {
    if (!/Export/.test(text)) continue;
    const value = parseTemplateText(text).value as { Outputs?: unknown } | undefined;
    const outputs = JSON.stringify(value?.Outputs ?? {});
    if (!outputs.includes('"Export"')) continue;
    out.push({ file, text, repo: repoOf(file), outputs });
  }
  return out;
}

/** The names an import-not-found message says are missing. */
export function missingImports(messages: string[]): string[] {
  return [...new Set(messages.flatMap((m) => [...m.matchAll(/Fn::ImportValue names "([^"]+)"/g)].map((x) => x[1]!)))];
}

/** The part of an export name after the exporting stack's prefix: "measure-VPC" → "VPC", "production:PublicListener" → "PublicListener". */
function suffixOf(name: string): string {
  const cut = Math.max(name.lastIndexOf('-'), name.lastIndexOf(':'));
  return cut < 0 ? name : name.slice(cut + 1);
}

/** The stack name an import expects of its exporter: the export name before its suffix, when that is a stack name. */
export function stackNameFor(name: string): string {
  const colon = name.indexOf(':');
  if (colon >= 0) {
    const before = name.slice(0, colon);
    return /^[A-Za-z][-A-Za-z0-9]{0,127}$/.test(before) ? before : 'measure-companion';
  }
  const prefix = name.slice(0, Math.max(0, name.lastIndexOf('-')));
  return /^[A-Za-z][-A-Za-z0-9]{0,127}$/.test(prefix) ? prefix : 'measure-companion';
}

/**
 * Candidates of the same repository that export the most of the missing names (best first, at most `limit`), each
 * with the stack name it must run under (from the first missing name it exports).
 */
export function companionsFor(file: string, missing: string[], candidates: Candidate[], limit = 4): { candidate: Candidate; stackName: string }[] {
  const repo = repoOf(file);
  const dir = file.split('__').slice(0, -1).join('__');
  const scored = candidates
    .filter((c) => c.repo === repo && c.file !== file)
    .map((c) => {
      const found = missing.filter((n) => {
        const s = suffixOf(n);
        return c.outputs.includes(`-${s}"`) || c.outputs.includes(`:${s}"`) || c.outputs.includes(`"${s}"`);
      });
      const near = c.file.startsWith(dir) ? 1 : 0;
      return { c, found, near };
    })
    .filter((x) => x.found.length > 0)
    .sort((a, b) => b.found.length - a.found.length || b.near - a.near || (a.c.file < b.c.file ? -1 : 1));
  return scored.slice(0, limit).map((x) => ({ candidate: x.c, stackName: stackNameFor(x.found[0]!) }));
}
