// "Specify stack details", as CloudFormation's console shows it: a template's parameters as a form — each with
// its label and description, an input fitting its type (a picker of the account's subnets, zones, VPCs and
// security groups, AllowedValues as a select, NoEcho masked), filled with its Default or what the console offers
// first — grouped as the template's `AWS::CloudFormation::Interface` says. The values are checked by the same
// code the deploy runs (readParameters), so the messages under each field are CloudFormation's and the server's.
// Pure: a template is untrusted text, and a bad one gives an empty form with the parser's issues, never a throw.

import { defaultSubnets, defaultVpcPartOf, defaultVpcParts, DEFAULT_VPC, DEFAULT_VPC_CIDR, hasDefaultVpc, type Account } from '../account/default-vpc.ts';
import type { DesignIssue } from '../design/model.ts';
import { zonesOf } from '../geography/regions.ts';
import { codecOfKind } from './codecs/index.ts';
import { isNoEcho, parameterText, readParameters } from './parameters.ts';
import { choiceCounted, consoleChoice, parseParameterType, type AccountDirectory, type ParsedType } from './parameter-types.ts';
import { isPlainObject, setOwn, type PlainObject } from './plain-data.ts';
import { parseTemplateText } from './template-text.ts';
import type { CurrentStack } from './current-parameters.ts';

/** The board as the form needs it: the client's team board and the room's design both fit. */
export interface FormBoard {
  stacks: readonly { name: string; region: string; account?: boolean }[];
  resources: readonly { stack: string; logicalId: string; kind: string; props: Record<string, unknown> }[];
}

export interface FormInput {
  text: string;
  /** The stack being created or updated: its own resources are replaced by the template, so not offered. */
  stack: string;
  region: string;
  account: Account;
  board: FormBoard;
  /** Updating a deployed stack: its current values fill the form, as the console's "Update stack" does. */
  current?: CurrentStack;
}

/** How a field is drawn: one line of text, a number, a masked secret, a comma list, a picker of one or of many. */
export type InputKind = 'text' | 'number' | 'password' | 'list' | 'select' | 'multiSelect';

/** One choice of a picker: an AllowedValue, a zone, or an account resource by its physical id. */
export interface FieldOption {
  value: string;
  /** Of a subnet: its zone; of a subnet or VPC: its CIDR. */
  zone?: string;
  cidr?: string;
  /** Part of the account's default VPC (not a stack's). */
  account?: boolean;
  /** A board resource as `stack/LogicalId`. */
  ref?: string;
}

export interface FormField {
  name: string;
  /** ParameterLabels' text, else the parameter's logical name. */
  label: string;
  description?: string;
  type: string;
  input: InputKind;
  options: FieldOption[];
  /** What the field holds before the player touches it (a list comma-joined). */
  initial: string;
  /**
   * Where `initial` came from: the stack's current value (an update), the template's Default, the console's
   * first offer, or nothing.
   */
  initialFrom: 'current' | 'default' | 'offer' | 'none';
  /**
   * An update of a stack whose current template has this parameter NoEcho: the console offers "Use existing
   * value" (UsePreviousValue), as the value cannot be read back; `initial` is then empty.
   */
  usePrevious?: true;
  noEcho: boolean;
  /** An unrecognised type: the field is shown as text and its check says why it cannot deploy. */
  unknownType: boolean;
}

export interface FormGroup {
  /** The group's Label, or undefined for the parameters no group names (the console's "Other parameters"). */
  label?: string;
  fields: FormField[];
}

export interface ParameterForm {
  groups: FormGroup[];
  /** Why there is no form: the template's text could not be read, or its Parameters are not a map. */
  issues: DesignIssue[];
}

/** A message under a field: CloudFormation's own wording, as the deploy would say it. */
export interface FieldMessage {
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

/** The most parameters CloudFormation allows in a template: more are not drawn (the loader says why). */
const MAX_PARAMETERS = 200;

function templateOf(text: string): { template?: PlainObject; issues: DesignIssue[] } {
  const parsed = parseTemplateText(text);
  if (parsed.issues.some((i) => i.severity === 'error')) return { issues: parsed.issues };
  if (!isPlainObject(parsed.value)) return { issues: [{ severity: 'error', code: 'invalid-template', message: 'A template must be a map' }] };
  return { template: parsed.value, issues: [] };
}

function declarationsOf(template: PlainObject): { declared: PlainObject; issues: DesignIssue[] } {
  const p = template['Parameters'];
  if (p === undefined) return { declared: {}, issues: [] };
  if (!isPlainObject(p)) return { declared: {}, issues: [{ severity: 'error', code: 'invalid-template', message: 'Parameters must be a map' }] };
  return { declared: Object.fromEntries(Object.entries(p).slice(0, MAX_PARAMETERS)), issues: [] };
}

/** The account's and the board's resources, as parameter values may name them (as accountDirectory does). */
export function boardDirectory(input: Pick<FormInput, 'stack' | 'account' | 'board'>): AccountDirectory {
  const regionOf = new Map(input.board.stacks.map((s) => [s.name, s]));
  const named = new Map<string, { region: string; physicalId: string; awsType: string }>();
  for (const r of input.board.resources) {
    const stack = regionOf.get(r.stack);
    if (!stack || stack.account || r.stack === input.stack) continue;
    const awsType = codecOfKind(r.kind as never)?.awsType ?? '';
    const found = { region: stack.region, physicalId: `${r.stack}-${r.logicalId}`, awsType };
    named.set(`${r.stack}/${r.logicalId}`, found);
    named.set(found.physicalId, found);
  }
  return {
    hasDefaultVpc: (region) => hasDefaultVpc(input.account, region),
    lookup: (text, region) => {
      const part = defaultVpcPartOf(text);
      if (part) return part.region === region && hasDefaultVpc(input.account, region) ? { physicalId: text, awsType: part.awsType } : undefined;
      const found = named.get(text);
      return found && found.region === region ? { physicalId: found.physicalId, awsType: found.awsType } : undefined;
    },
  };
}

/** What a picker of an account resource type lists: the default VPC's parts first (AZ order), then the board's. */
function accountOptions(awsType: string, input: FormInput): FieldOption[] {
  const out: FieldOption[] = [];
  if (hasDefaultVpc(input.account, input.region)) {
    const parts = defaultVpcParts(input.region);
    const idOf = (logicalId: string) => parts.find((p) => p.logicalId === logicalId)!.physicalId;
    if (awsType === 'AWS::EC2::VPC') out.push({ value: idOf(DEFAULT_VPC.vpc), cidr: DEFAULT_VPC_CIDR, account: true });
    if (awsType === 'AWS::EC2::SecurityGroup') out.push({ value: idOf(DEFAULT_VPC.securityGroup), account: true });
    if (awsType === 'AWS::EC2::Subnet') {
      for (const s of defaultSubnets(input.region)) out.push({ value: idOf(s.logicalId), zone: s.zone, cidr: s.cidr, account: true });
    }
  }
  const stacks = new Map(input.board.stacks.map((s) => [s.name, s]));
  for (const r of input.board.resources) {
    const stack = stacks.get(r.stack);
    if (!stack || stack.account || stack.region !== input.region || r.stack === input.stack) continue;
    if (codecOfKind(r.kind as never)?.awsType !== awsType) continue;
    const zone = typeof r.props['zone'] === 'string' ? r.props['zone'] : undefined;
    const cidr = typeof r.props['cidr'] === 'string' ? r.props['cidr'] : undefined;
    out.push({ value: `${r.stack}-${r.logicalId}`, ref: `${r.stack}/${r.logicalId}`, ...(zone ? { zone } : {}), ...(cidr ? { cidr } : {}) });
  }
  return out;
}

function inputOf(parsed: ParsedType | undefined, decl: PlainObject, input: FormInput): { input: InputKind; options: FieldOption[] } {
  if (isNoEcho(decl)) return { input: 'password', options: [] };
  const many = parsed?.list === true;
  const allowed = decl['AllowedValues'];
  if (Array.isArray(allowed)) {
    const values = [...new Set(allowed.map((v) => parameterText(v)).filter((v): v is string => v !== undefined))];
    return { input: many ? 'multiSelect' : 'select', options: values.map((value) => ({ value })) };
  }
  if (!parsed) return { input: 'text', options: [] };
  const thing = parsed.thing;
  if (thing && !parsed.ssm) {
    if ('zone' in thing) return { input: many ? 'multiSelect' : 'select', options: zonesOf(input.region).map((value) => ({ value })) };
    if ('resourceType' in thing && thing.resourceType !== 'AWS::EC2::Instance') {
      return { input: many ? 'multiSelect' : 'select', options: accountOptions(thing.resourceType, input) };
    }
  }
  if (many) return { input: 'list', options: [] };
  return { input: parsed.numeric ? 'number' : 'text', options: [] };
}

/** Text under `Label: { default: … }`, as the console reads Interface labels. */
function labelText(v: unknown): string | undefined {
  if (!isPlainObject(v)) return undefined;
  const text = v['default'];
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}

/** The form for a template: its groups in the template's order, then the rest alphabetically, as the console lists them. */
export function parameterForm(input: FormInput): ParameterForm {
  const read = templateOf(input.text);
  if (!read.template) return { groups: [], issues: read.issues };
  const { declared, issues } = declarationsOf(read.template);
  const directory = boardDirectory(input);
  const metadata = isPlainObject(read.template['Metadata']) ? read.template['Metadata'] : {};
  const ui = isPlainObject(metadata['AWS::CloudFormation::Interface']) ? metadata['AWS::CloudFormation::Interface'] : {};
  const labels = isPlainObject(ui['ParameterLabels']) ? ui['ParameterLabels'] : {};

  // The console's offer for each parameter without a Default, in declaration order: separate subnet and zone
  // parameters are offered distinct items, as the stack's own reading picks them (parameters.ts).
  const offers = new Map<string, string>();
  const offeredOfType = new Map<string, number>();
  for (const [name, declaration] of Object.entries(declared)) {
    const decl = isPlainObject(declaration) ? declaration : {};
    const parsed = parseParameterType(typeof decl['Type'] === 'string' ? decl['Type'] : 'String');
    if (!parsed || decl['Default'] !== undefined) continue;
    const nth = offeredOfType.get(parsed.type) ?? 0;
    const offer = consoleChoice(parsed, input.region, directory, nth);
    if (offer === undefined) continue;
    offers.set(name, offer);
    if (choiceCounted(parsed)) offeredOfType.set(parsed.type, nth + 1);
  }

  const fieldOf = (name: string): FormField => {
    const decl = isPlainObject(declared[name]) ? declared[name] : {};
    const type = typeof decl['Type'] === 'string' ? decl['Type'] : 'String';
    const parsed = parseParameterType(type);
    const fromDefault = decl['Default'] === undefined ? undefined : parameterText(decl['Default']);
    const offer = fromDefault === undefined ? offers.get(name) : undefined;
    const description = typeof decl['Description'] === 'string' && decl['Description'] !== '' ? decl['Description'] : undefined;
    const usePrevious = input.current?.noEcho.includes(name) === true;
    const current = input.current && Object.hasOwn(input.current.values, name) ? input.current.values[name] : undefined;
    return {
      name,
      label: (Object.hasOwn(labels, name) ? labelText(labels[name]) : undefined) ?? name,
      ...(description !== undefined ? { description } : {}),
      type,
      ...inputOf(parsed, decl, input),
      initial: usePrevious ? '' : (current ?? fromDefault ?? offer ?? ''),
      initialFrom: usePrevious || current !== undefined ? 'current' : fromDefault !== undefined ? 'default' : offer !== undefined ? 'offer' : 'none',
      ...(usePrevious ? { usePrevious: true as const } : {}),
      noEcho: isNoEcho(decl),
      unknownType: parsed === undefined,
    };
  };

  const placed = new Set<string>();
  const groups: FormGroup[] = [];
  const declaredGroups = Array.isArray(ui['ParameterGroups']) ? ui['ParameterGroups'] : [];
  for (const g of declaredGroups) {
    if (!isPlainObject(g) || !Array.isArray(g['Parameters'])) continue;
    const names = g['Parameters'].filter((n): n is string => typeof n === 'string' && Object.hasOwn(declared, n) && !placed.has(n));
    for (const n of names) placed.add(n);
    if (names.length === 0) continue;
    const label = labelText(g['Label']);
    groups.push({ ...(label !== undefined ? { label } : {}), fields: names.map(fieldOf) });
  }
  const rest = Object.keys(declared)
    .filter((n) => !placed.has(n))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (rest.length > 0) groups.push({ fields: rest.map(fieldOf) });
  return { groups, issues };
}

/**
 * The messages under each field for the values the form holds, by parameter name: each value read by
 * readParameters as the deploy reads it (constraints, then the account's things), so nothing is checked twice
 * differently. A field with no value given is read as the deploy would read it (its Default or the offer).
 */
export function checkParameterValues(input: FormInput, values: Readonly<Record<string, string>>, usePrevious: readonly string[] = []): Record<string, FieldMessage[]> {
  const read = templateOf(input.text);
  if (!read.template) return {};
  const { declared } = declarationsOf(read.template);
  const directory = boardDirectory(input);
  const out: Record<string, FieldMessage[]> = {};
  for (const name of Object.keys(declared)) {
    // A kept value is not known here: the room reads and checks it.
    if (usePrevious.includes(name)) {
      out[name] = [];
      continue;
    }
    const given = Object.hasOwn(values, name) ? { [name]: values[name] } : {};
    const { issues } = readParameters({ [name]: declared[name] }, given, { name: input.stack, region: input.region }, directory);
    out[name] = issues
      .filter((i) => i.severity === 'error' || i.severity === 'warning')
      .map((i) => ({ severity: i.severity === 'error' ? 'error' : 'warning', code: i.code, message: i.message }));
  }
  return out;
}

/**
 * What the form sends: each field's value (what the player typed, else its first value), and the names kept by
 * "Use existing value" — a field that offers it and that the player has not given a value of their own.
 */
export function formValues(form: ParameterForm, typed: Readonly<Record<string, string>>): { parameters: Record<string, string>; usePreviousValues: string[] } {
  const parameters: Record<string, string> = {};
  const usePreviousValues: string[] = [];
  for (const f of form.groups.flatMap((g) => g.fields)) {
    if (Object.hasOwn(typed, f.name)) setOwn(parameters, f.name, typed[f.name]!);
    else if (f.usePrevious) usePreviousValues.push(f.name);
    else setOwn(parameters, f.name, f.initial);
  }
  return { parameters, usePreviousValues };
}

/** Whether any field's value would stop the deploy. */
export function hasBlockingMessage(messages: Readonly<Record<string, FieldMessage[]>>): boolean {
  return Object.values(messages).some((list) => list.some((m) => m.severity === 'error'));
}
