// Conditions as IAM evaluates them: Bool / BoolIfExists on aws:MultiFactorAuthPresent (absent from requests
// signed with long-term access keys), the string operators on aws:RequestedRegion, IpAddress / NotIpAddress on
// aws:SourceIp, and what each does when the request lacks the key.
import { describe, expect, it } from 'vitest';
import { conditionHolds, ipInCidr } from '../../../shared/iam/conditions.ts';
import { evaluate, type PolicyToEvaluate } from '../../../shared/iam/evaluate.ts';
import { parsePolicy } from '../../../shared/iam/parse-policy.ts';
import type { PolicyStatement } from '../../../shared/iam/policy-schema.ts';

const MFA = 'aws:MultiFactorAuthPresent';

function policy(name: string, ...Statement: PolicyStatement[]): PolicyToEvaluate {
  return { name, document: { Version: '2012-10-17', Statement } };
}
const allowAll = policy('AllowAll', { Effect: 'Allow', Action: '*', Resource: '*' });

describe('aws:MultiFactorAuthPresent', () => {
  it('Bool "false" denies a console session without MFA but not a request signed with an access key (key absent)', () => {
    const deny = policy('DenyNoMfa', { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { [MFA]: 'false' } } });
    expect(evaluate({ action: 'ec2:RunInstances', resource: '*', context: { mfa: false } }, [allowAll, deny]).decision).toBe('ExplicitDeny');
    expect(evaluate({ action: 'ec2:RunInstances', resource: '*', context: { mfa: true } }, [allowAll, deny]).decision).toBe('Allow');
    // The leaked access key: no MFA key in the request at all, so Bool does not match and the Deny does not apply.
    expect(evaluate({ action: 'ec2:RunInstances', resource: '*', context: {} }, [allowAll, deny]).decision).toBe('Allow');
  });

  it('BoolIfExists "false" also denies the access key', () => {
    const deny = policy('DenyNoMfa', { Effect: 'Deny', Action: '*', Resource: '*', Condition: { BoolIfExists: { [MFA]: 'false' } } });
    expect(evaluate({ action: 'ec2:RunInstances', resource: '*', context: {} }, [allowAll, deny]).decision).toBe('ExplicitDeny');
    expect(evaluate({ action: 'ec2:RunInstances', resource: '*', context: { mfa: false } }, [allowAll, deny]).decision).toBe('ExplicitDeny');
    expect(evaluate({ action: 'ec2:RunInstances', resource: '*', context: { mfa: true } }, [allowAll, deny]).decision).toBe('Allow');
  });

  it('an Allow requiring MFA with Bool "true" grants nothing to a request that lacks the key', () => {
    expect(conditionHolds({ Bool: { [MFA]: 'true' } }, {})).toBe(false);
    expect(conditionHolds({ Bool: { [MFA]: 'true' } }, { mfa: true })).toBe(true);
  });
});

describe('aws:RequestedRegion', () => {
  it('StringLike matches wildcards case-sensitively; StringNotLike is its negation and holds when the key is absent', () => {
    expect(conditionHolds({ StringLike: { 'aws:RequestedRegion': 'eu-*' } }, { region: 'eu-west-1' })).toBe(true);
    expect(conditionHolds({ StringLike: { 'aws:RequestedRegion': 'eu-*' } }, { region: 'us-east-1' })).toBe(false);
    expect(conditionHolds({ StringLike: { 'aws:RequestedRegion': 'EU-*' } }, { region: 'eu-west-1' })).toBe(false);
    expect(conditionHolds({ StringLike: { 'aws:RequestedRegion': 'eu-*' } }, {})).toBe(false);
    expect(conditionHolds({ StringNotLike: { 'aws:RequestedRegion': 'eu-*' } }, { region: 'us-east-1' })).toBe(true);
    expect(conditionHolds({ StringNotLike: { 'aws:RequestedRegion': 'eu-*' } }, { region: 'eu-west-1' })).toBe(false);
    expect(conditionHolds({ StringNotLike: { 'aws:RequestedRegion': 'eu-*' } }, {})).toBe(true);
  });

  it('StringEqualsIfExists holds on a request without a region, StringEquals does not', () => {
    expect(conditionHolds({ StringEqualsIfExists: { 'aws:RequestedRegion': 'us-east-1' } }, {})).toBe(true);
    expect(conditionHolds({ StringEquals: { 'aws:RequestedRegion': 'us-east-1' } }, {})).toBe(false);
    expect(conditionHolds({ StringEqualsIfExists: { 'aws:RequestedRegion': 'us-east-1' } }, { region: 'eu-west-1' })).toBe(false);
  });
});

describe('aws:SourceIp', () => {
  it('matches CIDR blocks and bare addresses', () => {
    expect(ipInCidr('203.0.113.10', '203.0.113.0/24')).toBe(true);
    expect(ipInCidr('203.0.114.10', '203.0.113.0/24')).toBe(false);
    expect(ipInCidr('198.51.100.7', '198.51.100.7')).toBe(true);
    expect(ipInCidr('198.51.100.8', '198.51.100.7')).toBe(false);
    expect(ipInCidr('10.1.2.3', '0.0.0.0/0')).toBe(true);
  });

  it('a Deny from outside the office (NotIpAddress) stops a caller elsewhere and lets the office through', () => {
    const office = policy('OfficeOnly', { Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } });
    expect(evaluate({ action: 'ec2:RunInstances', resource: '*', context: { sourceIp: '198.51.100.77' } }, [allowAll, office]).decision).toBe('ExplicitDeny');
    expect(evaluate({ action: 'ec2:RunInstances', resource: '*', context: { sourceIp: '203.0.113.10' } }, [allowAll, office]).decision).toBe('Allow');
    const allowOffice = policy('Office', { Effect: 'Allow', Action: '*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } });
    expect(evaluate({ action: 'ec2:RunInstances', resource: '*', context: { sourceIp: '198.51.100.77' } }, [allowOffice]).decision).toBe('ImplicitDeny');
    expect(evaluate({ action: 'ec2:RunInstances', resource: '*', context: { sourceIp: '203.0.113.99' } }, [allowOffice]).decision).toBe('Allow');
  });
});

describe('parsing conditions', () => {
  it('accepts the new operators with their own keys and refuses keys of another type', () => {
    const ok = parsePolicy({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Deny', Action: '*', Resource: '*', Condition: { BoolIfExists: { [MFA]: 'false' }, NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } },
        { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringLike: { 'aws:RequestedRegion': 'eu-*' } } },
      ],
    });
    expect(ok.ok).toBe(true);
    expect(parsePolicy({ Version: '2012-10-17', Statement: { Effect: 'Deny', Action: '*', Resource: '*', Condition: { IpAddress: { [MFA]: 'false' } } } }).ok).toBe(false);
    expect(parsePolicy({ Version: '2012-10-17', Statement: { Effect: 'Deny', Action: '*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '300.1.1.1/8' } } } }).ok).toBe(false);
    expect(parsePolicy({ Version: '2012-10-17', Statement: { Effect: 'Deny', Action: '*', Resource: '*', Condition: { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01' } } } }).ok).toBe(false);
  });
});
