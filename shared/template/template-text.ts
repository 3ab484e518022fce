// Template and manifest text ⇄ plain data. YAML (with CloudFormation's short tags turned into long forms)
// and JSON are both read; YAML is written. Parse problems are returned as issues, never thrown.

import { Document, isAlias, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { DesignIssue } from '../design/model.ts';
import { setOwn, toPlainData, type PlainObject } from './plain-data.ts';
import { longFormOf } from './short-tags.ts';

export interface ParsedText {
  value?: unknown;
  issues: DesignIssue[];
}

/** How many nodes one document may expand to (aliases included): stops "billion laughs" documents. */
const MAX_NODES = 200_000;
const MAX_DEPTH = 100;

/**
 * Parses YAML or JSON text. JSON is tried first when the text looks like JSON (a JSON document is also YAML,
 * but JSON.parse is exact about numbers and strings); anything else goes through the YAML reader.
 */
export function parseTemplateText(text: string, where: { stack?: string } = {}): ParsedText {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const plain = toPlainData(JSON.parse(text));
      if (plain.problem === undefined) return { value: plain.value, issues: [] };
    } catch {
      // Not strict JSON: YAML (flow style) may still read it.
    }
  }
  return parseYamlText(text, where);
}

function parseYamlText(text: string, where: { stack?: string }): ParsedText {
  const issues: DesignIssue[] = [];
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, strict: false });
  } catch (e) {
    return { issues: [parseIssue(where, e instanceof Error ? e.message : 'unreadable YAML')] };
  }
  for (const error of doc.errors) issues.push(parseIssue(where, error.message));
  if (doc.errors.length > 0) return { issues };
  for (const warning of doc.warnings) {
    if (warning.message.startsWith('Unresolved tag') && isCloudFormationTag(warning.message)) continue;
    issues.push({ severity: 'warning', code: 'template-yaml', ...stackOf(where), message: firstLine(warning.message) });
  }
  const reader = new NodeReader(doc);
  const value = reader.read(doc.contents, 0);
  if (reader.problem !== undefined) return { issues: [...issues, parseIssue(where, reader.problem)] };
  return { value, issues };
}

/** Walks the YAML tree into plain data, turning short tags into long forms and expanding aliases with a budget. */
class NodeReader {
  doc: Document.Parsed;
  nodes = 0;
  problem: string | undefined;

  constructor(doc: Document.Parsed) {
    this.doc = doc;
  }

  read(node: unknown, depth: number): unknown {
    if (this.problem !== undefined) return null;
    if (++this.nodes > MAX_NODES) this.problem = `the document expands to more than ${MAX_NODES} values`;
    else if (depth > MAX_DEPTH) this.problem = `the document is nested deeper than ${MAX_DEPTH} levels`;
    if (this.problem !== undefined) return null;
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      return target === undefined ? null : this.read(target, depth + 1);
    }
    let value: unknown;
    if (isScalar(node)) value = scalarValue(node.value);
    else if (isMap(node)) {
      const out: PlainObject = {};
      for (const pair of node.items) {
        const key = this.read(pair.key, depth + 1);
        setOwn(out, typeof key === 'string' ? key : String(key), this.read(pair.value, depth + 1));
      }
      value = out;
    } else if (isSeq(node)) value = node.items.map((item) => this.read(item, depth + 1));
    else value = null;
    const tag = (node as Node).tag;
    if (tag !== undefined && tag.startsWith('!') && !tag.startsWith('!!')) return longFormOf(tag, value) ?? value;
    return value;
  }
}

function scalarValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

function isCloudFormationTag(message: string): boolean {
  const match = /Unresolved tag: (!\w+)/.exec(message);
  return match !== null && longFormOf(match[1]!, '') !== undefined;
}

function parseIssue(where: { stack?: string }, message: string): DesignIssue {
  return { severity: 'error', code: 'template-parse', ...stackOf(where), message: `cannot read the text: ${firstLine(message)}` };
}

function stackOf(where: { stack?: string }): { stack?: string } {
  return where.stack === undefined ? {} : { stack: where.stack };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
