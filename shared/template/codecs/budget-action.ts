// AWS::Budgets::BudgetsAction: what a budget does when its threshold is passed. Two of AWS's three action
// types are modelled: APPLY_IAM_POLICY (a policy attached to IAM users, groups and roles) and
// RUN_SSM_DOCUMENTS with the STOP_EC2_INSTANCES subtype (chosen instances stopped). APPLY_SCP_POLICY and
// STOP_RDS_INSTANCES need an organization or a stop state the board has not: they are kept as written and
// the resource stays off the board. ExecutionRoleArn and Subscribers are kept as written (the role is an
// ARN outside the board, and the game's notifications go to the timeline).
// Source: AWS CloudFormation Template Reference, "AWS::Budgets::BudgetsAction" and "SsmActionDefinition"
// (Subtype: STOP_EC2_INSTANCES | STOP_RDS_INSTANCES; InstanceIds: 1–100).

import { codec, defined } from '../codec.ts';
import type { PropertyReader } from '../property-reader.ts';

/** A list of IAM names (Users, Groups, Roles): the strings of the list; anything else is kept as written. */
function names(p: PropertyReader, key: string): string[] {
  if (!p.has(key)) return [];
  const v = p.value(key);
  const items = Array.isArray(v) ? v : v === undefined ? [] : [v];
  const out = items.filter((x): x is string => typeof x === 'string');
  if (out.length !== items.length) p.leave(key);
  return out.length === items.length ? out : [];
}

export const budgetActionCodec = codec({
  kind: 'budgetAction',
  awsType: 'AWS::Budgets::BudgetsAction',
  usual: true,
  read: (p) => {
    const budget = p.requiredRef('BudgetName', ['budget']);
    const actionType = p.choice('ActionType', ['APPLY_IAM_POLICY', 'RUN_SSM_DOCUMENTS'] as const, 'RUN_SSM_DOCUMENTS');
    const notificationType = p.choice('NotificationType', ['ACTUAL', 'FORECASTED'] as const, 'ACTUAL');
    const approval = p.choice('ApprovalModel', ['AUTOMATIC', 'MANUAL'] as const, 'AUTOMATIC');
    const t = p.child('ActionThreshold');
    const thresholdType = t.choice('Type', ['PERCENTAGE', 'ABSOLUTE_VALUE'] as const, 'PERCENTAGE');
    const threshold = t.number('Value', 100);
    const def = p.child('Definition');
    let policyArn = '';
    let users: string[] = [];
    let groups: string[] = [];
    let roles: string[] = [];
    let region = '';
    let instances: number[] = [];
    if (actionType === 'APPLY_IAM_POLICY') {
      const iam = def.child('IamActionDefinition');
      policyArn = iam.text('PolicyArn', '');
      users = names(iam, 'Users');
      groups = names(iam, 'Groups');
      roles = names(iam, 'Roles');
    } else {
      const ssm = def.child('SsmActionDefinition');
      ssm.expect('Subtype', 'STOP_EC2_INSTANCES');
      region = ssm.text('Region', '');
      instances = ssm.refs('InstanceIds', ['instance']);
    }
    return budget === undefined
      ? undefined
      : { budget, notificationType, thresholdType, threshold, approval, actionType, policyArn, users, groups, roles, region, instances };
  },
  write: (props, w) =>
    defined({
      BudgetName: w.ref(props.budget),
      NotificationType: props.notificationType,
      ActionType: props.actionType,
      ActionThreshold: { Type: props.thresholdType, Value: props.threshold },
      ApprovalModel: props.approval,
      Definition:
        props.actionType === 'APPLY_IAM_POLICY'
          ? {
              IamActionDefinition: defined({
                PolicyArn: props.policyArn,
                Users: props.users.length > 0 ? props.users : undefined,
                Groups: props.groups.length > 0 ? props.groups : undefined,
                Roles: props.roles.length > 0 ? props.roles : undefined,
              }),
            }
          : { SsmActionDefinition: { Subtype: 'STOP_EC2_INSTANCES', Region: props.region, InstanceIds: props.instances.map(w.ref) } },
    }),
});
