// The level editor's model (issue 17): the form a teacher fills in ⇄ the level document the server stores. The form
// is the document itself, except for its boards (the starting board, the reference and the naive design), whose
// CloudFormation templates are held as the text the teacher pasted. Everything the editor draws — a new event of
// each type, the parameters it shows for it, the conditions of live hints, where each problem goes — is decided
// here, from the scenario's own zod schemas, so the form cannot offer what the format refuses. No DOM.

import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { parseTemplateText } from '../template/template-text.ts';
import { parseLevel, type LevelIssue } from './level.ts';
import { hintConditionSchema, HINT_CONDITIONS, type HintCondition } from './hints.ts';
import { scenarioEventSchema, type ScenarioEventType } from './events.ts';
import { plannedTraffic, type TrafficPlan } from './peak.ts';
import { objectiveMetrics, RESOURCE_KINDS, scenarioSchema, type InlineDesign, type Scenario, type ScenarioInput } from './schema.ts';

/** One stack of a board as the teacher writes it: the template is the pasted text (YAML or JSON). */
export interface StackForm {
  name: string;
  region: string;
  template: string;
  /** The stack's parameter values as the teacher writes them: YAML, one `Name: value` per line, as a manifest has them. */
  parameters: string;
}

export interface DesignForm {
  stacks: StackForm[];
  /** Kept as they came (the form does not edit them). */
  actions?: unknown[];
}

export type StartForm = { kind: 'empty'; regions: string[] } | { kind: 'stacks'; design: DesignForm };

export interface LevelForm {
  /** Every field of the level but its boards, as the level file writes it (numbers as numbers, NaN when mistyped). */
  document: Record<string, unknown>;
  start: StartForm;
  reference: DesignForm;
  naive: DesignForm;
}

/** The boards' keys: the document never holds them, the form's designs do. */
const BOARD_KEYS = ['start', 'solutions'] as const;

/** Every event type the simulation has, in the schema's order. */
export const EVENT_TYPES = scenarioEventSchema.options.map((o) => o.shape.type.value) as ScenarioEventType[];
export { HINT_CONDITIONS, objectiveMetrics as OBJECTIVE_METRICS, RESOURCE_KINDS };
export const OBJECTIVE_COMPARISONS = ['>=', '<=', '>', '<'] as const;

// ---------------------------------------------------------------------------------------------------------------
// Paths: the dot-separated addresses parseLevel puts on its issues ('traffic.0.baselineRps').

export type Path = readonly (string | number)[];

export const pathKey = (path: Path): string => path.map(String).join('.');

export function getAt(value: unknown, path: Path): unknown {
  let here = value;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string, unknown>)[String(key)];
  }
  return here;
}

/** A copy of `root` with `value` at `path` (undefined removes the key; arrays and objects are copied on the way). */
export function setAt<T>(root: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path;
  const base: unknown = root;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(base) ? [...base] : { ...((base ?? {}) as Record<string, unknown>) };
  const child = setAt((copy as Record<string, unknown>)[String(key)], rest, value);
  if (child === undefined && !Array.isArray(copy)) delete (copy as Record<string, unknown>)[String(key)];
  else (copy as Record<string, unknown>)[String(key)] = child;
  return copy as T;
}

/** A list with one item moved by `delta` places (kept inside the list). */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = Math.max(0, Math.min(list.length - 1, index + delta));
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  copy.splice(to, 0, item!);
  return copy;
}

export const removeItem = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);

/** A number as typed: blank is undefined (an optional field left out), anything else a number (NaN when it is not one). */
export function numberFromText(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

// ---------------------------------------------------------------------------------------------------------------
// Boards: templates as text.

/** A template (data) as the YAML text the teacher sees and edits. */
export function templateText(template: unknown): string {
  return toYaml(template, { lineWidth: 0, aliasDuplicateObjects: false });
}

function designForm(design: InlineDesign | string | undefined): DesignForm {
  if (!design || typeof design === 'string') return { stacks: [newStack(1)] };
  return {
    stacks: design.stacks.map((s) => ({ name: s.name, region: s.region, template: templateText(s.template), parameters: parametersText(s.parameters) })),
    ...(design.actions ? { actions: design.actions } : {}),
  };
}

/** A stack's parameter values as the YAML lines the teacher edits ('' for none). */
export function parametersText(parameters: Record<string, unknown> | undefined): string {
  return parameters && Object.keys(parameters).length > 0 ? toYaml(parameters, { lineWidth: 0 }).trimEnd() : '';
}

/** A new stack for a board: the next free name, in North Virginia, its template still to paste. */
export function newStack(number: number): StackForm {
  return { name: `stack-${number}`, region: 'us-east-1', template: '', parameters: '' };
}

/** The form's own problems (the editor shows them in the player's language by these keys). */
export const FORM_MESSAGES = {
  pasteTemplate: 'paste the stack’s CloudFormation template (YAML or JSON)',
  templateMapping: 'a template is a mapping (Resources: …)',
  parametersMapping: 'parameters are lines of Name: value',
} as const;

/** The parameters' text read into the manifest's values, or undefined with the problem added on its field. */
function readParameters(text: string, where: string, issues: LevelIssue[]): Record<string, unknown> | undefined {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = parseYaml(text, { maxAliasCount: 10 });
  } catch {
    issues.push({ path: where, message: FORM_MESSAGES.parametersMapping });
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    issues.push({ path: where, message: FORM_MESSAGES.parametersMapping });
    return undefined;
  }
  return value as Record<string, unknown>;
}

/** A board's pasted text read into an inline design, each text's problem on its stack's template field. */
function readDesign(form: DesignForm, path: string[], issues: LevelIssue[]): unknown {
  const stacks = form.stacks.map((stack, i) => {
    const where = pathKey([...path, 'stacks', i, 'template']);
    let template: unknown = {};
    if (stack.template.trim() === '') issues.push({ path: where, message: FORM_MESSAGES.pasteTemplate });
    else {
      const parsed = parseTemplateText(stack.template, { stack: stack.name });
      const error = parsed.issues.find((x) => x.severity === 'error');
      if (error) issues.push({ path: where, message: error.message });
      else if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) issues.push({ path: where, message: FORM_MESSAGES.templateMapping });
      else template = parsed.value;
    }
    const parameters = readParameters(stack.parameters, pathKey([...path, 'stacks', i, 'parameters']), issues);
    return { name: stack.name, region: stack.region, template, ...(parameters ? { parameters } : {}) };
  });
  return { stacks, ...(form.actions ? { actions: form.actions } : {}) };
}

// ---------------------------------------------------------------------------------------------------------------
// Form ⇄ level file.

/** A level (parsed, or a campaign level written as one) as the editor's form. */
export function formFromLevel(level: Scenario | ScenarioInput): LevelForm {
  const { start, solutions, level: _origin, campaign: _campaign, ...document } = structuredClone(level) as Scenario;
  const startForm: StartForm =
    start && 'stacks' in start ? { kind: 'stacks', design: designForm(start as InlineDesign) } : { kind: 'empty', regions: start && 'regions' in start ? [...start.regions] : ['us-east-1'] };
  return { document: document as Record<string, unknown>, start: startForm, reference: designForm(solutions?.reference), naive: designForm(solutions?.naive) };
}

/** The form as a level document, with the problems only the form can see (a template that is not YAML). */
export function documentFromForm(form: LevelForm): { document: Record<string, unknown>; issues: LevelIssue[] } {
  const issues: LevelIssue[] = [];
  const doc: Record<string, unknown> = { ...form.document };
  for (const key of BOARD_KEYS) delete doc[key];
  doc.start = form.start.kind === 'empty' ? { regions: form.start.regions } : readDesign(form.start.design, ['start'], issues);
  doc.solutions = { reference: readDesign(form.reference, ['solutions', 'reference'], issues), naive: readDesign(form.naive, ['solutions', 'naive'], issues) };
  return { document: doc, issues };
}

export type FormCheck = { ok: true; level: Scenario; issues: [] } | { ok: false; issues: LevelIssue[] };

/** The form checked as the server checks a level (parseLevel), with the template texts' own problems first. */
export function checkForm(form: LevelForm): FormCheck {
  const { document, issues } = documentFromForm(form);
  const parsed = parseLevel(document);
  if (parsed.ok && issues.length === 0) return { ok: true, level: parsed.level, issues: [] };
  return { ok: false, issues: [...issues, ...(parsed.ok ? [] : parsed.issues)] };
}

/** A level to start from nothing: one area of users, the two usual objectives, an empty board and boards to paste. */
export function emptyLevelForm(): LevelForm {
  return {
    document: {
      id: 'my-level',
      title: '',
      teachingGoal: '',
      ko: { title: '', teachingGoal: '', hints: [] },
      durationS: 3600,
      startHour: 9,
      budgetUsd: 10,
      budgetPeriodS: undefined,
      latencyObjectiveMs: 200,
      revenuePerGoodRequestUsd: 0.0001,
      traffic: [{ area: 'north-america', baselineRps: 50 }],
      mix: { static: 0.6, read: 0.35, write: 0.05 },
      events: [],
      random: [],
      objectives: [newObjective('availability'), newObjective('budgetShare')],
      stars: [400, 600, 800],
      hints: [],
      liveHints: [],
    },
    start: { kind: 'empty', regions: ['us-east-1'] },
    reference: { stacks: [newStack(1)] },
    naive: { stacks: [newStack(1)] },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// New items with sensible defaults.

const EVENT_DEFAULTS: Record<ScenarioEventType, { durationS?: number; params: Record<string, unknown> }> = {
  'instance-failure': { params: { count: 1 } },
  'az-outage': { durationS: 600, params: { zone: 'us-east-1a' } },
  'region-outage': { durationS: 900, params: { region: 'us-east-1' } },
  'db-failure': { params: {} },
  'db-retirement': { params: { target: 'Database' } },
  'stack-arrival': { params: { stack: 'team-2' } },
  'inter-region-degradation': { durationS: 600, params: { addedMs: 150, lossPct: 2 } },
  flood: { durationS: 300, params: { area: 'north-america', multiplier: 3 } },
  'traffic-spike': { durationS: 900, params: { multiplier: 2, rampS: 600 } },
  'flash-crowd': { durationS: 300, params: { multiplier: 4, rampS: 60 } },
  'budget-cut': { params: { amountUsd: 5 } },
  'price-change': { params: { service: 'compute', multiplier: 1.3 } },
  'leaked-credentials': { params: { user: 'deploy-bot', region: 'us-east-1', instanceType: 'c5.2xlarge', count: 2, everyS: 600 } },
  announcement: { params: { message: 'Heads up: something is coming.', messageKo: '주의: 곧 일이 생깁니다.' } },
  release: { durationS: 600, params: { stack: 'web', errorPct: 10 } },
  'security-group-change': { params: { user: 'colleague', target: 'WebSecurityGroup', change: 'revoke', rule: { protocol: 'tcp', fromPort: 80, toPort: 80, cidr: '0.0.0.0/0' } } },
  'dependency-slowdown': { params: { dependency: 'payments', fromMs: 50, toMs: 2000, rampS: 600, poolSize: 20, retries: 2 } },
};

/** A new event of `type` at `atS`, with every parameter it needs filled in. */
export function newEvent(type: ScenarioEventType, atS: number): Record<string, unknown> {
  const d = EVENT_DEFAULTS[type];
  return { type, atS, ...(d.durationS !== undefined ? { durationS: d.durationS } : {}), params: structuredClone(d.params) };
}

/** The event changed to another type: its time, duration and announcement kept, its parameters the new type's. */
export function retypeEvent(event: Record<string, unknown>, type: ScenarioEventType): Record<string, unknown> {
  const fresh = newEvent(type, typeof event.atS === 'number' ? event.atS : 0);
  return { ...fresh, ...(event.announce ? { announce: event.announce } : {}) };
}

export function newObjective(metric: (typeof objectiveMetrics)[number] = 'availability', taken: readonly string[] = []): Record<string, unknown> {
  const preset: Partial<Record<(typeof objectiveMetrics)[number], { comparison: string; target: number; primary: boolean }>> = {
    availability: { comparison: '>=', target: 0.99, primary: true },
    budgetShare: { comparison: '<=', target: 1, primary: true },
    latencyP95: { comparison: '<=', target: 200, primary: false },
  };
  const p = preset[metric] ?? { comparison: '>=', target: 0, primary: false };
  let id: string = metric.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  for (let n = 2; taken.includes(id); n++) id = `${metric.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-${n}`;
  return { id, primary: p.primary, metric, comparison: p.comparison, target: p.target };
}

/** A live hint on `condition` with its thresholds at their defaults. */
export function newLiveHint(condition: HintCondition['condition'], taken: readonly string[] = []): Record<string, unknown> {
  let id: string = condition;
  for (let n = 2; taken.includes(id); n++) id = `${condition}-${n}`;
  const when = hintConditionSchema.parse({ condition });
  return { id, when, afterS: 0, text: { en: '', ko: '' } };
}

/** A live hint's condition changed: the new condition's thresholds at their defaults. */
export function recondition(hint: Record<string, unknown>, condition: HintCondition['condition']): Record<string, unknown> {
  return { ...hint, when: hintConditionSchema.parse({ condition }) };
}

// ---------------------------------------------------------------------------------------------------------------
// The fields a schema asks for, read from the schema itself (so the form shows exactly what the format takes).

export type FieldKind = 'number' | 'text' | 'choice' | 'boolean' | 'areas' | 'data';

export interface FieldSpec {
  key: string;
  kind: FieldKind;
  /** The values a choice takes. */
  options?: string[];
  optional: boolean;
}

interface ZodLike {
  _zod: { def: { type: string; innerType?: ZodLike; element?: ZodLike; entries?: Record<string, string>; shape?: Record<string, ZodLike>; in?: ZodLike } };
}

function unwrap(schema: ZodLike): { schema: ZodLike; optional: boolean } {
  let s = schema;
  let optional = false;
  for (;;) {
    const def = s._zod.def;
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) {
      optional = true;
      s = def.innerType;
    } else if (def.type === 'pipe' && def.in) s = def.in;
    else return { schema: s, optional };
  }
}

function fieldOf(key: string, raw: ZodLike): FieldSpec {
  const { schema, optional } = unwrap(raw);
  const def = schema._zod.def;
  if (def.type === 'number') return { key, kind: 'number', optional };
  if (def.type === 'boolean') return { key, kind: 'boolean', optional };
  if (def.type === 'enum') return { key, kind: 'choice', options: Object.values(def.entries ?? {}), optional };
  if (def.type === 'array' && def.element && unwrap(def.element).schema._zod.def.type === 'enum') return { key, kind: 'areas', options: Object.values(unwrap(def.element).schema._zod.def.entries ?? {}), optional };
  if (def.type === 'string') return { key, kind: 'text', optional };
  return { key, kind: 'data', optional };
}

function objectShape(raw: ZodLike): Record<string, ZodLike> {
  return unwrap(raw).schema._zod.def.shape ?? {};
}

/** The parameters an event of `type` takes, in the schema's order. */
export function eventParamFields(type: ScenarioEventType): FieldSpec[] {
  const option = scenarioEventSchema.options.find((o) => o.shape.type.value === type)!;
  return Object.entries(objectShape(option.shape.params as unknown as ZodLike)).map(([key, s]) => fieldOf(key, s));
}

/** Whether an event of `type` may last a while (has a duration). */
export function eventHasDuration(type: ScenarioEventType): boolean {
  const option = scenarioEventSchema.options.find((o) => o.shape.type.value === type)!;
  return 'durationS' in option.shape;
}

/** The thresholds a live hint's condition takes (none for most). */
export function hintConditionFields(condition: HintCondition['condition']): FieldSpec[] {
  const option = hintConditionSchema.options.find((o) => o.shape.condition.value === condition)!;
  return Object.entries(option.shape as unknown as Record<string, ZodLike>)
    .filter(([key]) => key !== 'condition')
    .map(([key, s]) => fieldOf(key, s));
}

// ---------------------------------------------------------------------------------------------------------------
// Problems placed on the fields they concern.

export interface PlacedIssues {
  /** Field path → its messages. */
  at: Map<string, string[]>;
  /** The problems no field on the form names: the summary at the top shows them. */
  unplaced: LevelIssue[];
}

/**
 * Each problem on the field of the form that holds it: the longest field path that is its path or a prefix of it
 * (a problem inside a template goes to the template's box). Problems of the document as a whole, or of a part the
 * form does not show, are left for the summary.
 */
export function placeIssues(issues: readonly LevelIssue[], fields: Iterable<string>): PlacedIssues {
  const known = [...new Set(fields)].sort((a, b) => b.length - a.length);
  const at = new Map<string, string[]>();
  const unplaced: LevelIssue[] = [];
  for (const issue of issues) {
    const field = issue.path === '' ? undefined : known.find((f) => issue.path === f || issue.path.startsWith(`${f}.`));
    if (field === undefined) unplaced.push(issue);
    else at.set(field, [...(at.get(field) ?? []), issue.path === field ? issue.message : `${issue.path.slice(field.length + 1)}: ${issue.message}`]);
  }
  return { at, unplaced };
}

/** An id for the DOM made from a field path ('traffic.0.baselineRps' → 'level-traffic-0-baselineRps'). */
export const fieldId = (path: string): string => `level-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** The top-level fields the editor shows one input for. */
export const SCENARIO_FIELDS = ['id', 'title', 'teachingGoal', 'ko.title', 'ko.teachingGoal', 'durationS', 'startHour', 'budgetUsd', 'latencyObjectiveMs', 'revenuePerGoodRequestUsd', 'allowedKinds', 'mix', 'mix.static', 'mix.read', 'mix.write', 'stars', 'stars.0', 'stars.1', 'stars.2'] as const;

const EVENT_FIELDS = ['type', 'atS', 'durationS', 'params', 'announce', 'announce.leadS', 'announce.message', 'announce.messageKo'];
const OBJECTIVE_FIELDS = ['id', 'primary', 'metric', 'comparison', 'target', 'description', 'descriptionKo'];
const LIVE_HINT_FIELDS = ['id', 'when', 'afterS', 'beforeS', 'text.en', 'text.ko'];
const STACK_FIELDS = ['name', 'region', 'template'];

function designPaths(design: DesignForm, base: string): string[] {
  return [base, `${base}.stacks`, ...design.stacks.flatMap((_, i) => STACK_FIELDS.map((f) => `${base}.stacks.${i}.${f}`))];
}

/** Every field path the editor shows, for placeIssues: what the form draws, it lists here. */
export function formFieldPaths(form: LevelForm): string[] {
  const d = form.document;
  const list = (key: string): unknown[] => (Array.isArray(getAt(d, [key])) ? (getAt(d, [key]) as unknown[]) : []);
  const paths: string[] = [...SCENARIO_FIELDS, 'traffic', 'events', 'objectives', 'hints', 'ko.hints', 'liveHints', 'solutions'];
  list('traffic').forEach((_, i) => paths.push(...['area', 'baselineRps', 'dailyCurve'].map((f) => `traffic.${i}.${f}`)));
  list('events').forEach((e, i) => {
    paths.push(...EVENT_FIELDS.map((f) => `events.${i}.${f}`));
    const type = (e as { type?: ScenarioEventType }).type;
    if (type && EVENT_TYPES.includes(type)) paths.push(...eventParamFields(type).map((f) => `events.${i}.params.${f.key}`));
  });
  list('objectives').forEach((_, i) => paths.push(...OBJECTIVE_FIELDS.map((f) => `objectives.${i}.${f}`)));
  const hintCount = Math.max(list('hints').length, (getAt(d, ['ko', 'hints']) as unknown[] | undefined)?.length ?? 0);
  for (let i = 0; i < hintCount; i++) paths.push(`hints.${i}`, `ko.hints.${i}`);
  list('liveHints').forEach((hint, i) => {
    paths.push(...LIVE_HINT_FIELDS.map((f) => `liveHints.${i}.${f}`));
    const condition = (hint as { when?: { condition?: HintCondition['condition'] } }).when?.condition;
    if (condition && HINT_CONDITIONS.includes(condition)) paths.push(...hintConditionFields(condition).map((f) => `liveHints.${i}.when.${f.key}`));
  });
  if (form.start.kind === 'empty') paths.push('start', 'start.regions');
  else paths.push(...designPaths(form.start.design, 'start'));
  paths.push(...designPaths(form.reference, 'solutions.reference'), ...designPaths(form.naive, 'solutions.naive'));
  return paths;
}

/**
 * The traffic the form plans (shared/scenario/peak.ts, the briefing's own figures), for the preview chart: read from
 * the scenario's figures alone, so the chart follows the traffic while a board is still being pasted. Undefined
 * while the figures themselves do not parse (or plan more than a level may run).
 */
export function trafficPreview(form: LevelForm): TrafficPlan | undefined {
  // Its words and boards play no part in the plan: a title still empty does not hide the chart.
  const { start: _start, solutions: _solutions, ko: _ko, hints: _hints, liveHints: _live, objectives: _objectives, ...figures } = form.document;
  const parsed = scenarioSchema.safeParse({ ...figures, id: 'preview', title: 'preview', start: { regions: ['us-east-1'] } });
  if (!parsed.success || parsed.data.durationS > 86_400) return undefined;
  return plannedTraffic(parsed.data);
}
