// OKActions, InsufficientDataActions and a budget's NotificationsWithSubscribers as CloudFormation writes them:
// read into the model (topics by logical id, addresses as written), compiled to the topics they name, exported
// as written and loaded back to the same design.
import { describe, expect, it } from 'vitest';
import { exportDesign, loadDesign, templateToYaml } from '../../../shared/template/index.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import { byLogicalId, errors, loadTemplate } from './load-helpers.ts';
import { scenario } from '../sim/builders.ts';

const TEMPLATE = `
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a }
  Server:
    Type: AWS::EC2::Instance
    Properties: { InstanceType: t3.small, ImageId: ami-1, SubnetId: !Ref Subnet }
  OnCall:
    Type: AWS::SNS::Topic
    Properties: { TopicName: on-call }
  Watch:
    Type: AWS::CloudWatch::Alarm
    Properties:
      Namespace: AWS/EC2
      MetricName: StatusCheckFailed_System
      Dimensions: [{ Name: InstanceId, Value: !Ref Server }]
      Statistic: Maximum
      Period: 60
      EvaluationPeriods: 2
      ComparisonOperator: GreaterThanOrEqualToThreshold
      Threshold: 1
      AlarmActions: [!Ref OnCall]
      OKActions: [!Ref OnCall]
      InsufficientDataActions: [arn:aws:sns:us-east-1:123456789012:on-call]
  Monthly:
    Type: AWS::Budgets::Budget
    Properties:
      Budget:
        BudgetName: monthly
        BudgetLimit: { Amount: 100, Unit: USD }
        TimeUnit: MONTHLY
        BudgetType: COST
      NotificationsWithSubscribers:
        - Notification: { NotificationType: ACTUAL, ComparisonOperator: GREATER_THAN, Threshold: 80, ThresholdType: PERCENTAGE }
          Subscribers:
            - { SubscriptionType: EMAIL, Address: ana@example.com }
            - { SubscriptionType: SNS, Address: !Ref OnCall }
        - Notification: { NotificationType: FORECASTED, ComparisonOperator: GREATER_THAN, Threshold: 100, ThresholdType: PERCENTAGE }
          Subscribers: []
`;

describe('SNS targets in CloudFormation', () => {
  const loaded = loadTemplate(TEMPLATE);

  it('reads OKActions, InsufficientDataActions and the budget subscribers', () => {
    expect(errors(loaded)).toEqual([]);
    const alarm = byLogicalId(loaded.design, 'Watch', 'alarm');
    expect(alarm.props.okActions).toEqual(['OnCall']);
    expect(alarm.props.insufficientDataActions).toEqual(['arn:aws:sns:us-east-1:123456789012:on-call']);
    const budget = byLogicalId(loaded.design, 'Monthly', 'budget');
    expect(budget.props.notifications[0]!.subscribers).toEqual([
      { type: 'EMAIL', address: 'ana@example.com' },
      { type: 'SNS', address: 'OnCall' },
    ]);
    expect(budget.props.notifications[1]!.subscribers).toBeUndefined();
  });

  it('compiles them to the topic they name, by logical id or by ARN', () => {
    const world = createWorld(loaded.design!, scenario({}), 1);
    expect(world.topo.alarmOkTopics).toEqual([[0]]);
    expect(world.topo.alarmInsufficientTopics).toEqual([[0]]);
    expect(world.topo.notifEmails).toEqual([['email:ana@example.com'], []]);
    expect(world.topo.notifTopics).toEqual([[0], []]);
  });

  it('exports them as written and loads back to the same design', () => {
    const exported = exportDesign(loaded.design!);
    const resources = (exported.templates['test'] as { Resources: Record<string, { Properties: Record<string, unknown> }> }).Resources;
    expect(resources['Watch']!.Properties['OKActions']).toEqual([{ Ref: 'OnCall' }]);
    expect(resources['Watch']!.Properties['InsufficientDataActions']).toEqual(['arn:aws:sns:us-east-1:123456789012:on-call']);
    const notes = resources['Monthly']!.Properties['NotificationsWithSubscribers'] as { Subscribers: unknown[] }[];
    expect(notes[0]!.Subscribers).toEqual([
      { SubscriptionType: 'EMAIL', Address: 'ana@example.com' },
      { SubscriptionType: 'SNS', Address: { Ref: 'OnCall' } },
    ]);
    const again = loadDesign(exported.manifest, (path) => (path === 'test.yaml' ? templateToYaml(exported.templates['test']!) : undefined));
    expect(errors(again)).toEqual([]);
    expect(byLogicalId(again.design, 'Watch', 'alarm').props).toEqual(byLogicalId(loaded.design, 'Watch', 'alarm').props);
    expect(byLogicalId(again.design, 'Monthly', 'budget').props).toEqual(byLogicalId(loaded.design, 'Monthly', 'budget').props);
  });
});
