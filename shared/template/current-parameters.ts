// "Update stack" in CloudFormation's console: the parameters form is filled with the stack's current values, and a
// NoEcho parameter — whose value nobody can read back — offers "Use existing value" (UsePreviousValue) instead.
// The client learns a stack's values from the room's export of it (shared/protocol/export-stack.ts), where NoEcho
// values are masked and values equal to the template's Default are left out.

import { isNoEcho, NO_ECHO_MASK, parameterText } from './parameters.ts';
import { isPlainObject, setOwn, type PlainObject } from './plain-data.ts';
import { parseTemplateText } from './template-text.ts';

/** A deployed stack's parameters as the form reads them. */
export interface CurrentStack {
  /** The value of each parameter the stack has now, NoEcho ones excepted (they are never sent). */
  values: Record<string, string>;
  /** The NoEcho parameters of its current template: kept by UsePreviousValue, not by a value. */
  noEcho: string[];
}

/** What the room's export says of a stack: its template and the manifest's values (the Default's left out). */
export interface ExportedStackParameters {
  template: string;
  manifest: { parameters?: Record<string, string> };
}

export function currentStackOf(exported: ExportedStackParameters): CurrentStack {
  const parsed = parseTemplateText(exported.template);
  const declared = isPlainObject(parsed.value) && isPlainObject(parsed.value['Parameters']) ? parsed.value['Parameters'] : {};
  const given = exported.manifest.parameters ?? {};
  const values: Record<string, string> = {};
  const noEcho: string[] = [];
  for (const [name, decl] of Object.entries(declared)) {
    if (isNoEcho(decl)) {
      noEcho.push(name);
      continue;
    }
    const value = Object.hasOwn(given, name) ? given[name] : isPlainObject(decl) && decl['Default'] !== undefined ? parameterText(decl['Default']) : undefined;
    if (value !== undefined) values[name] = value;
  }
  return { values, noEcho };
}

/**
 * The template as the client can check it locally while some parameters keep their current value: those values
 * never reach the client, so each such declaration is read with a stand-in Default and without its constraints.
 * The room checks the real value when it computes the change set and when it deploys.
 */
export function withKeptValuesStandIn(template: PlainObject, kept: readonly string[]): PlainObject {
  const declared = template['Parameters'];
  if (kept.length === 0 || !isPlainObject(declared)) return template;
  const parameters: PlainObject = { ...declared };
  for (const name of kept) {
    if (!Object.hasOwn(parameters, name)) continue;
    const decl = parameters[name];
    const type = isPlainObject(decl) && typeof decl['Type'] === 'string' ? decl['Type'] : 'String';
    setOwn(parameters, name, { Type: type, NoEcho: true, Default: /Number/.test(type) ? '0' : NO_ECHO_MASK });
  }
  return { ...template, Parameters: parameters };
}
