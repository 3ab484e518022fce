import { describe, expect, it } from 'vitest';
import { refOf } from '../../../shared/design/edits.ts';
import type { Design } from '../../../shared/design/model.ts';
import { applyIntent } from '../../../shared/match/apply.ts';
import type { MatchIntent } from '../../../shared/match/intents.ts';
import type { Match } from '../../../shared/match/match.ts';
import { host, testMatch } from '../../support/match-fixtures.ts';

// The board's gestures meet the same rule as templates: AWS creates an Application Load Balancer only with
// subnets in at least two AZs.

const design = (m: Match): Design => m.teams[0]!.world.design;
const apply = (m: Match, intent: MatchIntent) => applyIntent(m, host(), intent, 0);
const inRegion = (d: Design, kind: string) => d.resources.filter((r) => r.kind === kind && refOf(d, r).startsWith('main-eu-west-1/'));

describe('placing an Application Load Balancer', () => {
  it('is refused in a VPC with subnets in one AZ only, in AWS words, and changes nothing', () => {
    const match = testMatch();
    expect(apply(match, { type: 'place', entry: 'vpc', target: { region: 'eu-west-1' } })).toEqual({ ok: true });
    const subnets = inRegion(design(match), 'subnet');
    expect(subnets).toHaveLength(3);
    for (const s of subnets.slice(1)) expect(apply(match, { type: 'remove', ref: refOf(design(match), design(match).resources.find((r) => r.logicalId === s.logicalId && r.kind === 'subnet')!) })).toEqual({ ok: true });
    const vpc = refOf(design(match), inRegion(design(match), 'vpc')[0]!);
    const was = design(match);
    const result = apply(match, { type: 'place', entry: 'loadBalancer', target: { vpc } });
    expect(result).toMatchObject({ ok: false, refusal: { code: 'design-rule', message: 'At least two subnets in two different Availability Zones must be specified' } });
    expect(design(match)).toBe(was);

    // A subnet in a second zone, and the same gesture is accepted.
    expect(apply(match, { type: 'place', entry: 'subnet', target: { vpc, zone: 'eu-west-1b' } })).toEqual({ ok: true });
    expect(apply(match, { type: 'place', entry: 'loadBalancer', target: { vpc } })).toEqual({ ok: true });
    expect(inRegion(design(match), 'loadBalancer')).toHaveLength(1);
  });
});
