import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/server-process.ts';

// DESIGN.md §7's import rules, read from the source itself.

interface ImportRef {
  file: string;
  spec: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(REPO_ROOT, dir))) {
    const path = join(dir, entry);
    if (statSync(join(REPO_ROOT, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|js|mjs)$/.test(entry)) out.push(path);
  }
  return out;
}

function importsOf(file: string): ImportRef[] {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const refs: ImportRef[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const allNamedTypeOnly =
        !!clause?.namedBindings &&
        ts.isNamedImports(clause.namedBindings) &&
        clause.namedBindings.elements.length > 0 &&
        clause.namedBindings.elements.every((e) => e.isTypeOnly) &&
        !clause.name;
      refs.push({ file, spec: node.moduleSpecifier.text, typeOnly: !!clause?.isTypeOnly || allNamedTypeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      refs.push({ file, spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteral(arg)) refs.push({ file, spec: arg.text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      refs.push({ file, spec: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return refs;
}

/** The top-level folder a relative import lands in, or the package name of a bare import. */
function target(ref: ImportRef): { folder?: string; pkg?: string } {
  if (ref.spec.startsWith('.')) {
    const resolved = relative(REPO_ROOT, join(REPO_ROOT, ref.file, '..', ref.spec));
    return { folder: resolved.split(/[\\/]/)[0] };
  }
  const parts = ref.spec.split('/');
  return { pkg: ref.spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0] };
}

const shared = sourceFiles('shared');
const server = sourceFiles('server');
const client = sourceFiles('client');
const SHARED_LIBRARIES = new Set(['zod', 'yaml']);

function violations(files: string[], allowed: (ref: ImportRef) => boolean): string[] {
  return files.flatMap(importsOf).filter((r) => !allowed(r)).map((r) => `${r.file} imports ${r.spec}`);
}

describe('import rules (DESIGN.md §7)', () => {
  it('finds the source it checks', () => {
    expect(shared.length).toBeGreaterThan(3);
    expect(server.length).toBeGreaterThan(3);
    expect(client.length).toBeGreaterThan(3);
  });

  it('1. shared/ imports only shared/ and small pure libraries', () => {
    expect(
      violations(shared, (r) => {
        const t = target(r);
        return t.folder === 'shared' || (t.pkg !== undefined && SHARED_LIBRARIES.has(t.pkg));
      }),
    ).toEqual([]);
  });

  it('1. shared/ touches no DOM and no Node globals', () => {
    const offenders = shared.filter((f) =>
      /\b(window|document|localStorage|process|require|Buffer|__dirname)\s*[.([]/.test(readFileSync(join(REPO_ROOT, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('2. the rules are deterministic: no randomness, clocks, timers, environment or locale', () => {
    const forbidden =
      /\bMath\.(random|sin|cos|tan|exp|pow|log|log2|log10|expm1|log1p|cbrt|hypot|atan2?)\b|\bDate\b|\bperformance\.|\bset(Timeout|Interval|Immediate)\b|\btoLocale\w*\(|\bIntl\./;
    const offenders = shared
      .map((f) => ({ f, text: readFileSync(join(REPO_ROOT, f), 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '') }))
      .filter(({ text }) => forbidden.test(text))
      .map(({ f, text }) => `${f}: ${forbidden.exec(text)![0]}`);
    expect(offenders).toEqual([]);
  });

  it('2. the rules keep no mutable module state', () => {
    const offenders = shared.filter((f) => /^(export\s+)?(let|var)\s/m.test(readFileSync(join(REPO_ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('3. server/ never imports client/ or Phaser', () => {
    expect(violations(server, (r) => target(r).folder !== 'client' && target(r).pkg !== 'phaser')).toEqual([]);
  });

  it('3. client/ takes only types from server/', () => {
    expect(violations(client, (r) => target(r).folder !== 'server' || r.typeOnly)).toEqual([]);
  });

  it("3. the client's network layer never imports Phaser", () => {
    expect(violations(client.filter((f) => f.startsWith('client/net/')), (r) => target(r).pkg !== 'phaser')).toEqual([]);
  });

  it('4. the wire schema is written in one place: only server/wire/ imports @colyseus/schema', () => {
    const all = [...shared, ...server, ...client];
    expect(
      violations(all, (r) => target(r).pkg !== '@colyseus/schema' || r.file.startsWith('server/wire/')),
    ).toEqual([]);
  });
});
