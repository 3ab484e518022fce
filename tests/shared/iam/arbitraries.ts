// Random policies and requests for the property tests: drawn from the game's own action names and ARNs, with
// enough wildcards, negations and conditions that statements often overlap.

import fc from 'fast-check';
import { IAM_ACTIONS } from '../../../shared/iam/actions.ts';
import type { AccessRequest, PolicyToEvaluate } from '../../../shared/iam/evaluate.ts';
import type { PolicyDocument, PolicyStatement } from '../../../shared/iam/policy-schema.ts';

const REGIONS = ['us-east-1', 'eu-west-1', 'sa-east-1'];
const ARNS = [
  'arn:aws:ec2:us-east-1:123456789012:instance/web/Server',
  'arn:aws:ec2:eu-west-1:123456789012:vpc/net/Vpc',
  'arn:aws:rds:us-east-1:123456789012:db:orders',
  'arn:aws:s3:::assets',
  'arn:aws:cloudfront::123456789012:distribution/edge/Cdn',
];

export const actionName = fc.oneof(
  fc.constantFrom(...IAM_ACTIONS.map((a) => a.name)),
  fc.constantFrom('ec2:RUNINSTANCES', 'Ec2:describeinstances', 'unknown:Thing'),
);
export const resourceArn = fc.oneof(fc.constantFrom(...ARNS), fc.constant('*'));

const actionPattern = fc.oneof(
  actionName,
  fc.constantFrom('*', 'ec2:*', 'ec2:Describe*', 'iam:*', '*:Create*', 'rds:?eboot*', 'S3:*'),
);
const resourcePattern = fc.oneof(
  fc.constantFrom(...ARNS),
  fc.constantFrom('*', 'arn:aws:ec2:*:*:instance/*', 'arn:aws:ec2:us-east-1:*:*', 'arn:aws:s3:::*', 'arn:aws:rds:*:*:db:?rders'),
);
const oneOrMany = <T>(item: fc.Arbitrary<T>) => fc.oneof(item, fc.array(item, { minLength: 1, maxLength: 3 }));

const condition = fc.record(
  {
    Bool: fc.record({ 'aws:MultiFactorAuthPresent': fc.constantFrom('true' as const, 'false' as const) }),
    StringEquals: fc.record({ 'aws:RequestedRegion': oneOrMany(fc.constantFrom(...REGIONS)) }),
    StringNotEquals: fc.record({ 'aws:RequestedRegion': oneOrMany(fc.constantFrom(...REGIONS)) }),
  },
  { requiredKeys: [] },
);

export function statementWith(effect: fc.Arbitrary<'Allow' | 'Deny'>): fc.Arbitrary<PolicyStatement> {
  return fc
    .record({
      effect,
      negateAction: fc.boolean(),
      negateResource: fc.boolean(),
      actions: oneOrMany(actionPattern),
      resources: oneOrMany(resourcePattern),
      condition: fc.option(condition, { nil: undefined }),
    })
    .map(({ effect, negateAction, negateResource, actions, resources, condition }) => {
      const statement: PolicyStatement = { Effect: effect };
      if (negateAction) statement.NotAction = actions;
      else statement.Action = actions;
      if (negateResource) statement.NotResource = resources;
      else statement.Resource = resources;
      if (condition !== undefined) statement.Condition = condition;
      return statement;
    });
}

export const statement = statementWith(fc.constantFrom('Allow' as const, 'Deny' as const));

export const document: fc.Arbitrary<PolicyDocument> = fc
  .array(statement, { minLength: 1, maxLength: 4 })
  .map((Statement) => ({ Version: '2012-10-17', Statement }));

export const policies: fc.Arbitrary<PolicyToEvaluate[]> = fc
  .array(document, { maxLength: 4 })
  .map((docs) => docs.map((d, i) => ({ name: `Policy${i}`, document: d })));

export const request: fc.Arbitrary<AccessRequest> = fc.record({
  action: actionName,
  resource: resourceArn,
  context: fc.record({ mfa: fc.boolean(), region: fc.option(fc.constantFrom(...REGIONS), { nil: undefined }) }),
});
