import { describe, expect, it } from 'vitest';
import { injectEvent, MAX_INJECTED_EVENTS } from '../../../shared/match/inject.ts';
import type { ScenarioEvent } from '../../../shared/scenario/schema.ts';
import { testMatch } from '../../support/match-fixtures.ts';

const outage = { type: 'az-outage', atS: 0, durationS: 60, params: { zone: 'us-east-1b' } } as ScenarioEvent;

describe("a host's chaos", () => {
  it('limits injected events per team, whichever team they were aimed at', () => {
    const match = testMatch({ teams: ['red', 'blue'] });
    for (let i = 0; i < MAX_INJECTED_EVENTS; i++) expect(injectEvent(match, outage, ['blue'])).toBeUndefined();
    expect(injectEvent(match, outage, ['blue'])?.code).toBe('design-limit');
    expect(injectEvent(match, outage, undefined)?.code, 'everyone includes blue').toBe('design-limit');
    // Red has had none: chaos for red alone still goes through.
    expect(injectEvent(match, outage, ['red'])).toBeUndefined();
  });

  it('refuses an unknown team and changes nothing', () => {
    const match = testMatch({ teams: ['red', 'blue'] });
    const before = match.teams.map((t) => t.world.scenario.events.length);
    expect(injectEvent(match, outage, ['green'])?.code).toBe('unknown-team');
    expect(match.teams.map((t) => t.world.scenario.events.length)).toEqual(before);
  });
});
