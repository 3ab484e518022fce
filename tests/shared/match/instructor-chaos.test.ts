import { describe, expect, it } from 'vitest';
import { injectEvent } from '../../../shared/match/inject.ts';
import type { ScenarioEvent } from '../../../shared/scenario/schema.ts';
import { restoreWorld, snapshotWorld } from '../../../shared/sim/hash.ts';
import { step } from '../../../shared/sim/step.ts';
import { timelineSentence } from '../../../shared/sim/timeline-text.ts';
import type { World } from '../../../shared/sim/world.ts';
import { testMatch } from '../../support/match-fixtures.ts';

const outage = { type: 'az-outage', atS: 0, durationS: 60, params: { zone: 'us-east-1b' } } as ScenarioEvent;
const codes = (world: World) => world.timeline.map((e) => e.code);

describe("chaos a classroom's instructor injects", () => {
  it('is said as the instructor’s in the timeline, ends as the event does, and keeps its mark through a snapshot', () => {
    const match = testMatch({ mode: 'classroom', teams: ['red'] });
    expect(injectEvent(match, outage, undefined)).toBeUndefined();
    const world = match.teams[0]!.world;
    step(world);
    const said = world.timeline.find((e) => e.code === 'instructorAzDark')!;
    expect(said.values).toEqual({ zone: 'us-east-1b' });
    expect(timelineSentence(said)).toBe('Your instructor took down us-east-1b');
    expect(codes(world)).not.toContain('azDark');
    // A restored world (a server restart) still knows whose event it was.
    const restored = restoreWorld(JSON.parse(JSON.stringify(snapshotWorld(world))));
    expect(restored.scenario.events.filter((e) => (e as { by?: string }).by === 'instructor')).toHaveLength(1);
    for (let i = 0; i < 20; i++) step(restored);
    expect(codes(restored)).toContain('azDarkOver');
  });

  it("is the scenario's wording outside a classroom (a team room's host is no instructor)", () => {
    const match = testMatch({ mode: 'team', teams: ['red'] });
    injectEvent(match, outage, undefined);
    const world = match.teams[0]!.world;
    step(world);
    expect(codes(world)).toContain('azDark');
    expect(codes(world)).not.toContain('instructorAzDark');
  });
});
