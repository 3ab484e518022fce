import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestedRegion } from '../../../shared/iam/conditions.ts';
import { evaluate, statementApplies, type AccessRequest, type PolicyToEvaluate } from '../../../shared/iam/evaluate.ts';
import { parsePolicy } from '../../../shared/iam/parse-policy.ts';
import { statementsOf, type PolicyStatement } from '../../../shared/iam/policy-schema.ts';
import * as arb from './arbitraries.ts';

const INSTANCE = 'arn:aws:ec2:us-east-1:123456789012:instance/web-stack/WebServer';

function policy(name: string, ...Statement: PolicyStatement[]): PolicyToEvaluate {
  return { name, document: { Version: '2012-10-17', Statement } };
}

function req(action: string, resource = '*', context: AccessRequest['context'] = { mfa: false }): AccessRequest {
  return { action, resource, context };
}

const allowAll = policy('AllowAll', { Effect: 'Allow', Action: '*', Resource: '*' });

describe('evaluate', () => {
  it('denies implicitly when no policy applies', () => {
    expect(evaluate(req('ec2:RunInstances'), [])).toEqual({ decision: 'ImplicitDeny' });
    const rdsOnly = policy('Rds', { Effect: 'Allow', Action: 'rds:*', Resource: '*' });
    expect(evaluate(req('ec2:RunInstances'), [rdsOnly])).toEqual({ decision: 'ImplicitDeny' });
  });

  it('allows when a statement allows, and names it', () => {
    const p = policy('Ec2', { Sid: 'Launch', Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' });
    expect(evaluate(req('ec2:RunInstances', INSTANCE), [p])).toEqual({
      decision: 'Allow',
      matchedStatement: { policy: 'Ec2', policyIndex: 0, statementIndex: 0, sid: 'Launch' },
    });
  });

  it('lets an explicit deny in any policy win over an allow in another, in either order', () => {
    const deny = policy('NoTermination', { Effect: 'Deny', Action: 'ec2:TerminateInstances', Resource: '*' });
    for (const set of [[allowAll, deny], [deny, allowAll]]) {
      const result = evaluate(req('ec2:TerminateInstances', INSTANCE), set);
      expect(result.decision).toBe('ExplicitDeny');
      expect(result.matchedStatement?.policy).toBe('NoTermination');
    }
    expect(evaluate(req('ec2:RunInstances', INSTANCE), [allowAll, deny]).decision).toBe('Allow');
  });

  it('matches actions with wildcards, case-insensitively', () => {
    const p = policy('Read', { Effect: 'Allow', Action: ['ec2:Describe*', 'rds:?escribeDBInstances'], Resource: '*' });
    expect(evaluate(req('ec2:DescribeInstances'), [p]).decision).toBe('Allow');
    expect(evaluate(req('EC2:describeinstances'), [p]).decision).toBe('Allow');
    expect(evaluate(req('rds:DescribeDBInstances'), [p]).decision).toBe('Allow');
    expect(evaluate(req('ec2:RunInstances'), [p]).decision).toBe('ImplicitDeny');
    const upper = policy('Upper', { Effect: 'Allow', Action: 'EC2:RUNINSTANCES', Resource: '*' });
    expect(evaluate(req('ec2:RunInstances'), [upper]).decision).toBe('Allow');
  });

  it('matches resources with wildcards, case-sensitively', () => {
    const p = policy('Web', { Effect: 'Allow', Action: 'ec2:*', Resource: 'arn:aws:ec2:*:123456789012:instance/web-stack/*' });
    expect(evaluate(req('ec2:RebootInstances', INSTANCE), [p]).decision).toBe('Allow');
    expect(evaluate(req('ec2:RebootInstances', INSTANCE.replace('web-stack', 'Web-Stack')), [p]).decision).toBe('ImplicitDeny');
    expect(evaluate(req('ec2:RebootInstances', INSTANCE.replace('web-stack', 'db-stack')), [p]).decision).toBe('ImplicitDeny');
    const one = policy('One', { Effect: 'Allow', Action: 'rds:*', Resource: 'arn:aws:rds:us-east-1:123456789012:db:order?' });
    expect(evaluate(req('rds:RebootDBInstance', 'arn:aws:rds:us-east-1:123456789012:db:orders'), [one]).decision).toBe('Allow');
    expect(evaluate(req('rds:RebootDBInstance', 'arn:aws:rds:us-east-1:123456789012:db:order'), [one]).decision).toBe('ImplicitDeny');
  });

  it('reads NotAction as "every action but these"', () => {
    const p = policy('AllButIam', { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' });
    expect(evaluate(req('ec2:RunInstances'), [p]).decision).toBe('Allow');
    expect(evaluate(req('iam:CreateUser'), [p]).decision).toBe('ImplicitDeny');
    expect(evaluate(req('IAM:createuser'), [p]).decision).toBe('ImplicitDeny');
    // A Deny with NotAction denies everything else: the classic "only these services" guard.
    const onlyEc2 = policy('OnlyEc2', { Effect: 'Deny', NotAction: 'ec2:*', Resource: '*' });
    expect(evaluate(req('rds:CreateDBInstance'), [allowAll, onlyEc2]).decision).toBe('ExplicitDeny');
    expect(evaluate(req('ec2:CreateVpc'), [allowAll, onlyEc2]).decision).toBe('Allow');
  });

  it('reads NotResource as "every resource but these"', () => {
    const p = policy('NotProd', { Effect: 'Deny', Action: 'ec2:TerminateInstances', NotResource: 'arn:aws:ec2:*:*:instance/sandbox/*' });
    expect(evaluate(req('ec2:TerminateInstances', INSTANCE), [allowAll, p]).decision).toBe('ExplicitDeny');
    const sandbox = 'arn:aws:ec2:us-east-1:123456789012:instance/sandbox/Test';
    expect(evaluate(req('ec2:TerminateInstances', sandbox), [allowAll, p]).decision).toBe('Allow');
  });

  it('honours an MFA condition', () => {
    const p = policy('WithMfa', { Effect: 'Allow', Action: 'ec2:TerminateInstances', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } });
    expect(evaluate(req('ec2:TerminateInstances', INSTANCE, { mfa: true }), [p]).decision).toBe('Allow');
    expect(evaluate(req('ec2:TerminateInstances', INSTANCE, { mfa: false }), [p]).decision).toBe('ImplicitDeny');
    const denyWithout = policy('DenyWithoutMfa', { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } });
    expect(evaluate(req('ec2:RunInstances', '*', { mfa: false }), [allowAll, denyWithout]).decision).toBe('ExplicitDeny');
    expect(evaluate(req('ec2:RunInstances', '*', { mfa: true }), [allowAll, denyWithout]).decision).toBe('Allow');
  });

  it('honours a requested-region condition', () => {
    const p = policy('Europe', { Effect: 'Allow', Action: 'ec2:*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } } });
    expect(evaluate(req('ec2:RunInstances', '*', { mfa: false, region: 'eu-west-1' }), [p]).decision).toBe('Allow');
    expect(evaluate(req('ec2:RunInstances', '*', { mfa: false, region: 'us-east-1' }), [p]).decision).toBe('ImplicitDeny');
    expect(evaluate(req('ec2:RunInstances', '*', { mfa: false, region: 'EU-WEST-1' }), [p]).decision).toBe('ImplicitDeny');
    expect(evaluate(req('ec2:RunInstances', '*', { mfa: false }), [p]).decision).toBe('ImplicitDeny');
  });

  it('reads StringNotEquals as AWS does, true when the request has no region', () => {
    const outside = policy('OnlyUsEast', { Effect: 'Deny', NotAction: 'cloudfront:*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': 'us-east-1' } } });
    expect(evaluate(req('ec2:RunInstances', '*', { mfa: false, region: 'sa-east-1' }), [allowAll, outside]).decision).toBe('ExplicitDeny');
    expect(evaluate(req('ec2:RunInstances', '*', { mfa: false, region: 'us-east-1' }), [allowAll, outside]).decision).toBe('Allow');
    expect(evaluate(req('ec2:RunInstances', '*', { mfa: false }), [allowAll, outside]).decision).toBe('ExplicitDeny');
    expect(evaluate(req('cloudfront:CreateDistribution', '*', { mfa: false }), [allowAll, outside]).decision).toBe('Allow');
  });

  it('requires every condition of a statement to hold', () => {
    const p = policy('Both', {
      Effect: 'Allow',
      Action: '*',
      Resource: '*',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
    });
    expect(evaluate(req('ec2:RunInstances', '*', { mfa: true, region: 'us-east-1' }), [p]).decision).toBe('Allow');
    expect(evaluate(req('ec2:RunInstances', '*', { mfa: false, region: 'us-east-1' }), [p]).decision).toBe('ImplicitDeny');
    expect(evaluate(req('ec2:RunInstances', '*', { mfa: true, region: 'eu-west-1' }), [p]).decision).toBe('ImplicitDeny');
  });

  it('reports the first statement by index when it has no Sid', () => {
    const p = policy('Two', { Effect: 'Allow', Action: 'rds:*', Resource: '*' }, { Effect: 'Deny', Action: 'ec2:*', Resource: '*' });
    expect(evaluate(req('ec2:RunInstances'), [allowAll, p])).toEqual({
      decision: 'ExplicitDeny',
      matchedStatement: { policy: 'Two', policyIndex: 1, statementIndex: 1 },
    });
  });
});

/** AWS's rule in its plainest form, to compare against. */
function reference(request: AccessRequest, set: PolicyToEvaluate[]): string {
  const all = set.flatMap((p) => statementsOf(p.document)).filter((s) => statementApplies(s, request));
  if (all.some((s) => s.Effect === 'Deny')) return 'ExplicitDeny';
  return all.some((s) => s.Effect === 'Allow') ? 'Allow' : 'ImplicitDeny';
}

function withStatementAdded(set: PolicyToEvaluate[], at: number, added: PolicyStatement): PolicyToEvaluate[] {
  if (set.length === 0) return [policy('Added', added)];
  const target = at % set.length;
  return set.map((p, i) => {
    if (i !== target) return p;
    const statements = [...statementsOf(p.document)];
    statements.splice(at % (statements.length + 1), 0, added);
    return policy(p.name, ...statements);
  });
}

describe('evaluate, for any policies', () => {
  it('generates only schema-valid policies', () => {
    fc.assert(
      fc.property(arb.document, (d) => {
        expect(parsePolicy(d)).toMatchObject({ ok: true });
      }),
    );
  });

  it('agrees with the plain reading of the rule, and the order of policies does not matter', () => {
    fc.assert(
      fc.property(arb.request, arb.policies, (request, set) => {
        const decision = evaluate(request, set).decision;
        expect(decision).toBe(reference(request, set));
        expect(evaluate(request, [...set].reverse()).decision).toBe(decision);
      }),
      { numRuns: 500 },
    );
  });

  it('lets an explicit deny win, whatever else is there', () => {
    fc.assert(
      fc.property(arb.request, arb.policies, fc.nat(), fc.boolean(), (request, set, at, wildcard) => {
        const deny: PolicyStatement = { Effect: 'Deny', Action: wildcard ? '*' : request.action, Resource: request.resource };
        const result = evaluate(request, withStatementAdded(set, at, deny));
        expect(result.decision).toBe('ExplicitDeny');
      }),
      { numRuns: 500 },
    );
  });

  it('never turns an allowed request into a denied one when an Allow is added', () => {
    fc.assert(
      fc.property(arb.request, arb.policies, arb.statementWith(fc.constant('Allow')), fc.nat(), (request, set, allow, at) => {
        const before = evaluate(request, set).decision;
        const after = evaluate(request, withStatementAdded(set, at, allow)).decision;
        if (before === 'Allow') expect(after).toBe('Allow');
        if (before === 'ExplicitDeny') expect(after).toBe('ExplicitDeny');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any schema-valid policy and any request strings', () => {
    fc.assert(
      fc.property(arb.policies, fc.string(), fc.string(), fc.boolean(), fc.option(fc.string(), { nil: undefined }), (set, action, resource, mfa, region) => {
        const result = evaluate({ action, resource, context: { mfa, region } }, set);
        expect(['Allow', 'ExplicitDeny', 'ImplicitDeny']).toContain(result.decision);
      }),
      { numRuns: 500 },
    );
  });
});

describe('requestedRegion', () => {
  it('is the region aimed at, and us-east-1 for global services as AWS reports it', () => {
    expect(requestedRegion('ec2', 'sa-east-1')).toBe('sa-east-1');
    expect(requestedRegion('ec2', undefined)).toBeUndefined();
    expect(requestedRegion('cloudfront', 'sa-east-1')).toBe('us-east-1');
    expect(requestedRegion('iam', undefined)).toBe('us-east-1');
  });
});
