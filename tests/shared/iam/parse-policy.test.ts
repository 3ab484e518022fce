import { describe, expect, it } from 'vitest';
import { parsePolicy, parsePolicyText } from '../../../shared/iam/parse-policy.ts';
import {
  MAX_MANAGED_POLICY_CHARS,
  MAX_POLICY_STATEMENTS,
  MAX_USER_INLINE_POLICY_CHARS,
  statementsOf,
} from '../../../shared/iam/policy-schema.ts';

const V = '2012-10-17';
const ok = { Effect: 'Allow', Action: 'ec2:*', Resource: '*' };

function refusalOf(value: unknown) {
  const result = parsePolicy(value);
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

describe('parsePolicy', () => {
  it('accepts AWS-shaped documents, with one statement or a list', () => {
    expect(parsePolicy({ Version: V, Statement: [ok] })).toMatchObject({ ok: true });
    const single = parsePolicy({ Version: V, Id: 'Mine', Statement: ok });
    expect(single.ok).toBe(true);
    if (single.ok) expect(statementsOf(single.document)).toHaveLength(1);
  });

  it('accepts every element the game understands', () => {
    const full = {
      Version: V,
      Statement: [
        { Sid: 'Deny1', Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], NotResource: 'arn:aws:iam::123456789012:user/*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } },
        { Effect: 'Allow', Action: ['ec2:Describe*', 'EC2:RunInstances'], Resource: ['arn:aws:ec2:*:*:instance/*'], Condition: { StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } } },
        { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': 'us-east-1' } } },
      ],
    };
    expect(parsePolicy(full)).toMatchObject({ ok: true });
  });

  it.each([
    ['a wrong Effect', { Version: V, Statement: [ok, { ...ok, Effect: 'allow' }] }, 'Statement[1].Effect'],
    ['a malformed action in a list', { Version: V, Statement: [{ ...ok, Action: ['ec2:RunInstances', 'ec2'] }] }, 'Statement[0].Action[1]'],
    ['an action that is not a string', { Version: V, Statement: [ok, ok, { ...ok, Action: 7 }] }, 'Statement[2].Action'],
    ['an empty action list', { Version: V, Statement: [{ ...ok, Action: [] }] }, 'Statement[0].Action'],
    ['a resource that is not an ARN', { Version: V, Statement: [{ ...ok, Resource: 'my-bucket' }] }, 'Statement[0].Resource'],
    ['neither Action nor NotAction', { Version: V, Statement: [{ Effect: 'Allow', Resource: '*' }] }, 'Statement[0].Action'],
    ['both Action and NotAction', { Version: V, Statement: [{ ...ok, NotAction: 'iam:*' }] }, 'Statement[0].Action'],
    ['neither Resource nor NotResource', { Version: V, Statement: [{ Effect: 'Allow', Action: '*' }] }, 'Statement[0].Resource'],
    ['a Principal', { Version: V, Statement: [{ ...ok, Principal: '*' }] }, 'Statement[0].Principal'],
    ['an unknown field', { Version: V, Statement: [{ ...ok, Efect: 'Allow' }] }, 'Statement[0].Efect'],
    ['an unsupported condition operator', { Version: V, Statement: [{ ...ok, Condition: { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } } }] }, 'Statement[0].Condition.DateGreaterThan'],
    ['an unsupported condition key', { Version: V, Statement: [{ ...ok, Condition: { Bool: { 'aws:SecureTransport': 'true' } } }] }, 'Statement[0].Condition.Bool.aws:SecureTransport'],
    ['a boolean where IAM wants "true"', { Version: V, Statement: [{ ...ok, Condition: { Bool: { 'aws:MultiFactorAuthPresent': true } } }] }, 'Statement[0].Condition.Bool.aws:MultiFactorAuthPresent'],
    ['a Sid with punctuation', { Version: V, Statement: [{ ...ok, Sid: 'allow ec2!' }] }, 'Statement[0].Sid'],
    ['a repeated Sid', { Version: V, Statement: [{ ...ok, Sid: 'A' }, { ...ok, Sid: 'A' }] }, 'Statement[1].Sid'],
    ['the old Version', { Version: '2008-10-17', Statement: [ok] }, 'Version'],
    ['no Version', { Statement: [ok] }, 'Version'],
    ['no statements', { Version: V, Statement: [] }, 'Statement'],
    ['a field unknown at the top', { Version: V, Statement: [ok], Owner: 'me' }, 'Owner'],
  ])('refuses %s and names %s', (_, document, field) => {
    const refusal = refusalOf(document);
    expect(refusal.code).toBe('invalid-policy');
    expect(refusal.field).toBe(field);
    expect(refusal.message.startsWith(field)).toBe(true);
  });

  it('says what is wrong in words', () => {
    expect(refusalOf({ Version: V, Statement: [{ ...ok, Effect: 'allow' }] }).message).toContain('"Allow" or "Deny"');
    expect(refusalOf({ Version: V, Statement: [{ ...ok, Action: 'ec2' }] }).message).toContain('service:Action');
    expect(refusalOf({ Version: V, Statement: [{ ...ok, Principal: '*' }] }).message).toContain('trust');
  });

  it('names the Sid of the statement at fault when it has one', () => {
    const refusal = refusalOf({ Version: V, Statement: [ok, { ...ok, Sid: 'OpenEverything', Resource: 'bucket' }] });
    expect(refusal.message).toContain('Statement[1].Resource (Sid "OpenEverything")');
  });

  it('refuses what is not a policy document at all', () => {
    for (const value of [null, 'policy', 42, [ok]]) expect(refusalOf(value).code).toBe('invalid-policy');
    const cyclic: Record<string, unknown> = { Version: V };
    cyclic.Statement = cyclic;
    expect(refusalOf(cyclic).code).toBe('policy-not-json');
    expect(refusalOf({ Version: V, Statement: [{ ...ok, Sid: 1n }] }).code).toBe('policy-not-json');
  });

  it('refuses too many statements and too large a document, by their own codes', () => {
    const many = Array.from({ length: MAX_POLICY_STATEMENTS + 1 }, () => ({ Effect: 'Allow', Action: '*', Resource: '*' }));
    expect(refusalOf({ Version: V, Statement: many }).code).toBe('too-many-statements');
    const long = { Version: V, Statement: [{ ...ok, Resource: Array.from({ length: 200 }, (_, i) => `arn:aws:s3:::bucket-number-${i}`) }] };
    expect(refusalOf(long).code).toBe('policy-too-large');
    expect(JSON.stringify(long).length).toBeGreaterThan(MAX_MANAGED_POLICY_CHARS);
  });

  it('applies the limit of where the policy will live', () => {
    const medium = { Version: V, Statement: [{ ...ok, Resource: Array.from({ length: 100 }, (_, i) => `arn:aws:s3:::bucket-${i}`) }] };
    expect(parsePolicy(medium)).toMatchObject({ ok: true });
    expect(parsePolicy(medium, MAX_USER_INLINE_POLICY_CHARS)).toMatchObject({ ok: false, code: 'policy-too-large' });
  });
});

describe('parsePolicyText', () => {
  it('reads a policy typed as JSON, whitespace and all', () => {
    const text = JSON.stringify({ Version: V, Statement: [ok] }, null, 4);
    expect(parsePolicyText(text)).toMatchObject({ ok: true });
  });

  it('refuses text that is not JSON, saying so', () => {
    const result = parsePolicyText('{ "Version": "2012-10-17", ');
    expect(result).toMatchObject({ ok: false, code: 'policy-not-json' });
  });

  it('refuses an enormous text before parsing it', () => {
    expect(parsePolicyText(' '.repeat(MAX_MANAGED_POLICY_CHARS * 10))).toMatchObject({ ok: false, code: 'policy-too-large' });
  });
});
