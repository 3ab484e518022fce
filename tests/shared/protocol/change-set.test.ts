import { describe, expect, it } from 'vitest';
import { FRESH_ACCOUNT } from '../../../shared/account/default-vpc.ts';
import { MAX_TEMPLATE_CHARS } from '../../../shared/match/intents.ts';
import { changeSetAnswerFor, parseChangeSetRequest } from '../../../shared/protocol/change-set.ts';

const EMPTY = { stacks: [], resources: [], unmodelled: [], actions: [] };
const ok = { stack: 'web', region: 'us-east-1' as const, template: 'Resources: {}' };

describe('parseChangeSetRequest', () => {
  it('accepts a stack, a region, a template and string parameters', () => {
    expect(parseChangeSetRequest({ ...ok, parameters: { KeyName: 'k' } })).toEqual({ ok: true, request: { ...ok, parameters: { KeyName: 'k' } } });
  });

  it.each([
    ['not an object', 'web', 'malformed'],
    ['an array', [ok], 'malformed'],
    ['null', null, 'malformed'],
    ['no template', { stack: 'web', region: 'us-east-1' }, 'malformed'],
    ['an empty template', { ...ok, template: '' }, 'malformed'],
    ['a bad stack name', { ...ok, stack: 'web/x' }, 'malformed'],
    ['an unknown region', { ...ok, region: 'moon-1' }, 'malformed'],
    ['an unknown key', { ...ok, design: {} }, 'malformed'],
    ['a number parameter', { ...ok, parameters: { N: 1 } }, 'malformed'],
    ['a template over the limit', { ...ok, template: 'x'.repeat(MAX_TEMPLATE_CHARS + 1) }, 'malformed'],
    ['a payload far over the limit', { ...ok, parameters: { a: 'x'.repeat(4096), b: 'x'.repeat(4096), c: 'x'.repeat(4096) }, template: 'x'.repeat(MAX_TEMPLATE_CHARS) }, 'too-large'],
  ])('refuses %s with a stable code', (_, payload, code) => {
    const parsed = parseChangeSetRequest(payload);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.refusal.code).toBe(code);
  });

  it('names the wrong field', () => {
    const parsed = parseChangeSetRequest({ ...ok, region: 'moon-1' });
    expect(!parsed.ok && parsed.refusal.detail).toContain('region');
  });
});

describe('changeSetAnswerFor', () => {
  it('answers a template that does not parse with findings, not rows', () => {
    const answer = changeSetAnswerFor(EMPTY, { ...ok, template: 'Resources: [' }, FRESH_ACCOUNT);
    expect(answer.ok && answer.changes).toEqual([]);
    expect(answer.ok && answer.issues.some((i) => i.severity === 'error')).toBe(true);
  });

  it('lists what a new stack adds', () => {
    const answer = changeSetAnswerFor(EMPTY, { ...ok, template: 'Resources:\n  Net:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n' }, FRESH_ACCOUNT);
    expect(answer).toMatchObject({ ok: true, changes: [{ action: 'Add', logicalId: 'Net', resourceType: 'AWS::EC2::VPC' }] });
  });
});
