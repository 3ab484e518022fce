// Chaos a classroom's instructor injects is announced as theirs ("your instructor took down us-east-1b"), not
// as the scenario's: students should know the teacher did it on purpose, and the debrief can tell the two apart.
// The mark travels on the injected event itself (world.scenario.events), so snapshots, restores and replays
// (which inject again from the log) keep it; the timeline entry's code carries it to every client.
import type { ScenarioEvent } from '../scenario/schema.ts';
import type { TimelineCode, TimelineValues } from './timeline-text.ts';

/** An event as injected into a running world; `by` is set when a classroom's instructor set it off. */
export type InjectedEvent = ScenarioEvent & { by?: 'instructor' };

export function isInstructorChaos(event: ScenarioEvent): boolean {
  return (event as InjectedEvent).by === 'instructor';
}

/** The instructor's wording of an event's start; an event the console does not offer keeps the scenario's. */
const INSTRUCTOR_CODE: Partial<Record<TimelineCode, TimelineCode>> = {
  azDark: 'instructorAzDark',
  regionDark: 'instructorRegionDark',
  instanceFailure: 'instructorInstanceFailure',
  dbFailure: 'instructorDbFailure',
  dbFailureOf: 'instructorDbFailureOf',
  flood: 'instructorFlood',
  trafficSpike: 'instructorTrafficSpike',
};

export function asInstructors(text: { code: TimelineCode; values: TimelineValues }): { code: TimelineCode; values: TimelineValues } {
  const code = INSTRUCTOR_CODE[text.code];
  return code ? { code, values: text.values } : text;
}
