import { describe, expect, it } from 'vitest';
import { refOf } from '../../../shared/design/edits.ts';
import type { Design } from '../../../shared/design/model.ts';
import { applyIntent } from '../../../shared/match/apply.ts';
import type { MatchIntent } from '../../../shared/match/intents.ts';
import type { Match } from '../../../shared/match/match.ts';
import { host, testMatch } from '../../support/match-fixtures.ts';

// A VPC or subnet is deleted as EC2 deletes one: not while anything still runs in it (DependencyViolation, in
// EC2's words, naming what is in the way, and nothing deleted); empty, it goes with its network parts.

const design = (m: Match): Design => m.teams[0]!.world.design;
const refs = (d: Design, kind: string): string[] => d.resources.filter((r) => r.kind === kind).map((r) => refOf(d, r));
const apply = (m: Match, intent: MatchIntent) => applyIntent(m, host(), intent, 0);

/** A new VPC in eu-west-1 (three public subnets), and one instance in its first subnet. */
function vpcWithInstance(): { match: Match; vpc: string; subnets: string[]; instance: string } {
  const match = testMatch();
  expect(apply(match, { type: 'place', entry: 'vpc', target: { region: 'eu-west-1' } })).toEqual({ ok: true });
  const vpc = refs(design(match), 'vpc').find((r) => r.startsWith('main-eu-west-1/'))!;
  const subnets = refs(design(match), 'subnet').filter((r) => r.startsWith('main-eu-west-1/'));
  const before = new Set(refs(design(match), 'instance'));
  expect(apply(match, { type: 'place', entry: 'instance', target: { region: 'eu-west-1', vpc, subnet: subnets[0]! } })).toEqual({ ok: true });
  const instance = refs(design(match), 'instance').find((r) => !before.has(r))!;
  return { match, vpc, subnets, instance };
}

describe('deleting a VPC or a subnet', () => {
  it('refuses a subnet with an instance in it with EC2 DependencyViolation, and deletes nothing', () => {
    const { match, subnets, instance } = vpcWithInstance();
    const was = design(match);
    const result = apply(match, { type: 'remove', ref: subnets[0]! });
    expect(result).toMatchObject({ ok: false, refusal: { code: 'DependencyViolation', detail: instance } });
    expect(result.ok ? '' : result.refusal?.message).toMatch(/^The subnet '[^']+' has dependencies and cannot be deleted\.$/);
    expect(design(match)).toBe(was);
  });

  it('refuses the VPC too, in its own words', () => {
    const { match, vpc } = vpcWithInstance();
    const result = apply(match, { type: 'remove', ref: vpc });
    expect(result).toMatchObject({ ok: false, refusal: { code: 'DependencyViolation' } });
    expect(result.ok ? '' : result.refusal?.message).toMatch(/^The vpc '[^']+' has dependencies and cannot be deleted\.$/);
    expect(refs(design(match), 'vpc')).toContain(vpc);
  });

  it('deletes an empty subnet, and an emptied VPC with its subnets, route table and gateway', () => {
    const { match, vpc, subnets, instance } = vpcWithInstance();
    expect(apply(match, { type: 'remove', ref: subnets[1]! })).toEqual({ ok: true });
    expect(refs(design(match), 'subnet')).not.toContain(subnets[1]);
    expect(apply(match, { type: 'remove', ref: instance })).toEqual({ ok: true });
    expect(apply(match, { type: 'remove', ref: vpc })).toEqual({ ok: true });
    const after = design(match);
    expect(refs(after, 'vpc')).not.toContain(vpc);
    expect(refs(after, 'subnet').filter((r) => subnets.includes(r))).toEqual([]);
    expect(refs(after, 'routeTable').filter((r) => r.startsWith('main-eu-west-1/'))).toEqual([]);
  });
});
