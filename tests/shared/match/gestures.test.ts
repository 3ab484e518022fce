import { describe, expect, it } from 'vitest';
import { refOf } from '../../../shared/design/edits.ts';
import type { Design } from '../../../shared/design/model.ts';
import { applyIntent } from '../../../shared/match/apply.ts';
import type { MatchIntent } from '../../../shared/match/intents.ts';
import type { Match } from '../../../shared/match/match.ts';
import { exportDesign } from '../../../shared/template/export.ts';
import { host, testMatch, user } from '../../support/match-fixtures.ts';

// One gesture, one intent: its whole plan applied, one CloudTrail entry per API call, or nothing at all.

const refs = (d: Design, kind?: string): string[] => d.resources.filter((r) => !kind || r.kind === kind).map((r) => refOf(d, r));
const design = (m: Match): Design => m.teams[0]!.world.design;
const apply = (m: Match, intent: MatchIntent, who = host()) => applyIntent(m, who, intent, 0);

describe('a gesture', () => {
  it('places a whole VPC as the API calls the console makes, in order', () => {
    const match = testMatch();
    const before = match.trail.length;
    expect(apply(match, { type: 'place', entry: 'vpc', target: { region: 'eu-west-1' } })).toEqual({ ok: true });
    const calls = match.trail.slice(before).map((e) => e.eventName);
    expect(calls).toEqual(['CreateStack', 'CreateVpc', 'CreateInternetGateway', 'AttachInternetGateway', 'CreateRouteTable', 'CreateRoute', 'CreateSubnet', 'CreateSubnet', 'CreateSubnet']);
    // The first call carries the gesture: the one input a replay applies again.
    expect(match.trail.slice(before).map((e) => e.userIdentity !== undefined)).toEqual([true, false, false, false, false, false, false, false, false]);
    expect(match.trail[before]!.params.gesture).toEqual({ type: 'place', entry: 'vpc', target: { region: 'eu-west-1' } });
    expect(refs(design(match), 'subnet').filter((r) => r.startsWith('main-eu-west-1/'))).toHaveLength(3);
  });

  it('is refused whole when the player may not make one of its calls', () => {
    const match = testMatch();
    apply(match, { type: 'iam', request: { op: 'createUser', name: 'ana' } });
    apply(match, { type: 'iam', request: { op: 'putInlinePolicy', to: { kind: 'user', name: 'ana' }, name: 'NoSubnets', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'ec2:CreateSubnet', Resource: '*' }] } } });
    const was = design(match);
    const before = match.trail.length;
    const result = apply(match, { type: 'place', entry: 'vpc', target: { region: 'us-east-1' } }, user('ana'));
    expect(result).toMatchObject({ ok: false, refusal: { code: 'AccessDenied' } });
    expect(design(match)).toBe(was);
    expect(match.trail.slice(before)).toHaveLength(1);
    expect(match.trail[before]).toMatchObject({ outcome: 'Failure', eventName: 'CreateSubnet' });
  });

  it('removes a load balancer a CloudFormation stack made with its listener and target group, disconnecting the group', () => {
    const match = testMatch();
    const lb = refs(design(match), 'loadBalancer')[0]!;
    const before = match.trail.length;
    expect(apply(match, { type: 'remove', ref: lb })).toEqual({ ok: true });
    const after = design(match);
    expect(refs(after, 'loadBalancer')).toEqual([]);
    expect(refs(after, 'listener')).toEqual([]);
    expect(refs(after, 'targetGroup')).toEqual([]);
    expect(refs(after, 'autoScalingGroup')).toHaveLength(1);
    const calls = match.trail.slice(before).map((e) => e.eventName);
    expect(calls).toContain('DeleteLoadBalancer');
    expect(calls).toContain('DeleteTargetGroup');
    expect(calls[0]).toBe('UpdateAutoScalingGroup');
    expect(match.trail.slice(before).every((e) => e.outcome === 'Success')).toBe(true);
  });

  it('refuses a remove that something else still needs, and deletes nothing of it', () => {
    const match = testMatch();
    const vpc = refs(design(match), 'vpc')[0]!;
    const was = design(match);
    const before = match.trail.length;
    expect(apply(match, { type: 'remove', ref: vpc })).toMatchObject({ ok: false, refusal: { code: 'DependencyViolation' } });
    expect(design(match)).toBe(was);
    expect(match.trail.slice(before).map((e) => e.outcome)).toEqual(['Failure']);
  });
});

describe('undo', () => {
  it('takes back only its player\'s own last gesture, even after a stack deploy, and never another stack', () => {
    const match = testMatch();
    apply(match, { type: 'iam', request: { op: 'createUser', name: 'ana' } });
    apply(match, { type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: 'ana' }, policy: { kind: 'managed', name: 'PowerUserAccess' } } });
    const start = new Set(refs(design(match)));
    expect(apply(match, { type: 'place', entry: 'vpc', target: { region: 'eu-west-1' } }, user('ana'))).toEqual({ ok: true });
    // The host redeploys the web stack from its own template: CloudFormation's business, not ana's gesture.
    const exported = exportDesign(design(match));
    expect(apply(match, { type: 'deployStack', stack: 'web', region: 'us-east-1', template: JSON.stringify(exported.templates['web']) })).toMatchObject({ ok: true });
    const webBefore = refs(design(match)).filter((r) => r.startsWith('web/'));
    expect(apply(match, { type: 'undo' }, user('ana'))).toEqual({ ok: true });
    expect(new Set(refs(design(match)))).toEqual(start);
    expect(refs(design(match)).filter((r) => r.startsWith('web/'))).toEqual(webBefore);
    expect(apply(match, { type: 'undo' }, user('ana'))).toMatchObject({ ok: false, refusal: { code: 'nothing-to-undo' } });
    // The host made no gesture: its undo touches nothing of ana's.
    expect(apply(match, { type: 'undo' })).toMatchObject({ ok: false, refusal: { code: 'nothing-to-undo' } });
  });

  it('refuses when what the gesture made has changed since, changing nothing', () => {
    const match = testMatch();
    apply(match, { type: 'iam', request: { op: 'createUser', name: 'ana' } });
    apply(match, { type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: 'ana' }, policy: { kind: 'managed', name: 'PowerUserAccess' } } });
    expect(apply(match, { type: 'place', entry: 'bucket', target: { region: 'us-east-1' } })).toEqual({ ok: true });
    const bucket = refs(design(match), 'bucket')[0]!;
    // A teammate changes the bucket the host placed: the host's undo would now remove ana's work too.
    expect(apply(match, { type: 'configure', target: bucket, props: { websiteHosting: false } }, user('ana'))).toEqual({ ok: true });
    const now = design(match);
    const logged = match.trail.length;
    expect(apply(match, { type: 'undo' })).toMatchObject({ ok: false, refusal: { code: 'undo-stale', detail: bucket } });
    expect(design(match)).toBe(now);
    expect(match.trail.length).toBe(logged + 1);
    // Ana's own undo puts her setting back; then the host's placement is as it left it, and undoes.
    expect(apply(match, { type: 'undo' }, user('ana'))).toEqual({ ok: true });
    expect(apply(match, { type: 'undo' })).toEqual({ ok: true });
    expect(refs(design(match), 'bucket')).toEqual([]);
  });
});
