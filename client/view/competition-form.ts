// The teacher's form as plain data: what was typed, read into a new competition by the shared schema (its limits
// are the server's own), or a problem per field to show under it. No DOM.
import type { z } from 'zod';
import { newCompetitionSchema, type NewCompetition } from '../../shared/protocol/competition.ts';
import { levelCodeSchema } from '../../shared/protocol/levels.ts';

export interface CompetitionForm {
  scenario: string;
  /** A published level's code (issue 17): when given, the competition plays it instead of the scenario. */
  level?: string;
  /** Empty: the server draws one. */
  seed: string;
  teams: string;
  teamSize: string;
  /** Minutes of build time (the schema counts seconds). */
  buildTimeMin: string;
  speed: string;
  /** The build time running out starts the match (else the teacher presses Start). */
  autoStart: boolean;
  /** Students may join once the clock has started. */
  lateJoins: boolean;
}

/** The typed fields, each with its own problem line; the two choices cannot be wrong. */
export type FormField = Exclude<keyof CompetitionForm, 'autoStart' | 'lateJoins'>;

/** A level code as typed: upper case, without spaces (the codes have no letters people misread). */
export const normalizeLevelCode = (text: string): string => text.replace(/\s+/g, '').toUpperCase();

/** A translation key under `teacher.invalid` with its numbers, for the message under a field. */
export interface FieldProblem {
  key: 'whole' | 'min' | 'max' | 'scenario' | 'level';
  params?: { min?: number; max?: number };
}

export type FormReading = { ok: true; competition: NewCompetition } | { ok: false; problems: Partial<Record<FormField, FieldProblem>> };

const FIELD_OF: Record<string, FormField> = { level: 'level', scenario: 'scenario', seed: 'seed', teams: 'teams', teamSize: 'teamSize', buildTimeS: 'buildTimeMin', speed: 'speed' };

/** A number as typed; blank or not a number gives NaN, which the schema refuses as "not a number". */
function typedNumber(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

function problemOf(issue: z.core.$ZodIssue, field: FormField): FieldProblem {
  // The build time is typed in minutes: the schema's seconds are shown as minutes.
  const scale = field === 'buildTimeMin' ? 60 : 1;
  if (field === 'scenario') return { key: 'scenario' };
  if (field === 'level') return { key: 'level' };
  if (issue.code === 'too_small') return { key: 'min', params: { min: Number(issue.minimum) / scale } };
  if (issue.code === 'too_big') return { key: 'max', params: { max: Number(issue.maximum) / scale } };
  return { key: 'whole' };
}

export function readCompetitionForm(form: CompetitionForm): FormReading {
  const minutes = typedNumber(form.buildTimeMin);
  // A level code, when typed, is the competition's choice (the schema takes a level or a scenario, not both).
  const code = normalizeLevelCode(form.level ?? '');
  if (code !== '' && !levelCodeSchema.safeParse(code).success) return { ok: false, problems: { level: { key: 'level' } } };
  const raw = {
    ...(code !== '' ? { level: { code } } : { scenario: form.scenario }),
    ...(form.seed.trim() === '' ? {} : { seed: typedNumber(form.seed) }),
    teams: typedNumber(form.teams),
    teamSize: typedNumber(form.teamSize),
    // Whole seconds: a fraction of a minute is fine, a fraction of a second is not worth refusing.
    buildTimeS: Number.isFinite(minutes) ? Math.round(minutes * 60) : Number.NaN,
    speed: typedNumber(form.speed),
    autoStart: form.autoStart,
    lateJoins: form.lateJoins,
  };
  const parsed = newCompetitionSchema.safeParse(raw);
  if (parsed.success) return { ok: true, competition: parsed.data };
  const problems: Partial<Record<FormField, FieldProblem>> = {};
  for (const issue of parsed.error.issues) {
    const field = FIELD_OF[String(issue.path[0] ?? '')];
    if (field && !problems[field]) problems[field] = problemOf(issue, field);
  }
  return { ok: false, problems };
}
