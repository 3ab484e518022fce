import { z } from 'zod';
import { MAX_TEAMS } from './join.ts';
import { levelChoiceSchema } from './levels.ts';
import { MAX_SPEED, MIN_SPEED } from '../match/clock.ts';

// What a teacher sends to set up a classroom competition (POST /api/competitions): a campaign scenario or a
// published level, exactly one of them.
export const newCompetitionSchema = z.strictObject({
  scenario: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/).optional(),
  /** A published level; its version is fixed when the competition is created (the latest, unless one is named). */
  level: levelChoiceSchema.optional(),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  teams: z.number().int().min(1).max(MAX_TEAMS),
  teamSize: z.number().int().min(1).max(10).default(3),
  /** Real seconds of build time the teacher plans before starting the clock (shown as a countdown). */
  buildTimeS: z.number().int().min(0).max(3600).default(300),
  speed: z.number().int().min(MIN_SPEED).max(MAX_SPEED).default(1),
  /** Whether the match starts by itself when the build time runs out (else the teacher starts it). */
  autoStart: z.boolean().default(false),
  /** Whether students may still join once the clock has started; the teacher can change it in the console. */
  lateJoins: z.boolean().default(true),
  /** An example design every team starts from; omitted, the scenario's own or an empty board. */
  design: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/).optional(),
}).refine((c) => (c.scenario === undefined) !== (c.level === undefined), { message: 'name a scenario or a level, not both', path: ['scenario'] });

export type NewCompetition = z.infer<typeof newCompetitionSchema>;

/** What the server answers: the host token is shown once and never stored in plain text. */
export interface CreatedCompetition {
  id: string;
  code: string;
  hostToken: string;
  joinUrl: string;
}

/** What of the teacher's settings the competition's room itself applies. */
export type CompetitionPlan = Pick<NewCompetition, 'speed' | 'buildTimeS'> & Partial<Pick<NewCompetition, 'autoStart' | 'lateJoins'>>;
