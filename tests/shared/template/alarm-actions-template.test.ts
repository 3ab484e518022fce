// An alarm's actions as CloudFormation writes them: an EC2 action ARN (built with !Sub) and a Ref to an SNS topic
// with an AWS::SNS::Subscription. The topic and its subscription stay off the board but are exported as written,
// and the simulation reads who subscribes.
import { describe, expect, it } from 'vitest';
import { exportDesign, loadDesign, templateToYaml } from '../../../shared/template/index.ts';
import { compileTopics } from '../../../shared/sim/compile/topics.ts';
import { byLogicalId, errors, loadTemplate } from './load-helpers.ts';

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
    Properties:
      TopicName: on-call
      Subscription:
        - { Protocol: sms, Endpoint: "+15550100" }
  Email:
    Type: AWS::SNS::Subscription
    Properties: { TopicArn: !Ref OnCall, Protocol: email, Endpoint: oncall@example.com }
  Recover:
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
      AlarmActions:
        - !Sub arn:aws:automate:\${AWS::Region}:ec2:recover
        - !Ref OnCall
`;

describe('alarm actions in CloudFormation', () => {
  const loaded = loadTemplate(TEMPLATE);

  it('reads the EC2 action and the topic, and notes (not warns) that the topic is kept off the board', () => {
    expect(errors(loaded)).toEqual([]);
    const alarm = byLogicalId(loaded.design, 'Recover', 'alarm');
    expect(alarm.props.notifications).toEqual(['arn:aws:automate:us-east-1:ec2:recover', 'OnCall']);
    const topicIssues = loaded.issues.filter((i) => i.logicalId === 'OnCall' || i.logicalId === 'Email');
    expect(topicIssues.map((i) => i.severity)).toEqual(['note', 'note']);
  });

  it("finds a topic's subscribers inline and by AWS::SNS::Subscription, by logical id or by ARN", () => {
    const topics = compileTopics(loaded.design!);
    expect(topics.topicLabel).toEqual(['test/OnCall']);
    expect(topics.topicSubscribers).toEqual([['sms:+15550100', 'email:oncall@example.com']]);
    expect(topics.find(0, 'OnCall')).toBe(0);
    expect(topics.find(0, 'arn:aws:sns:us-east-1:123456789012:on-call')).toBe(0);
    expect(topics.find(0, 'arn:aws:sns:us-east-1:123456789012:elsewhere')).toBe(-1);
  });

  it('exports the actions and the topic as written, and loads back to the same design', () => {
    const exported = exportDesign(loaded.design!);
    const resources = (exported.templates['test'] as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> }).Resources;
    expect(resources['Recover']!.Properties['AlarmActions']).toEqual([{ 'Fn::Sub': 'arn:aws:automate:${AWS::Region}:ec2:recover' }, { Ref: 'OnCall' }]);
    expect(resources['OnCall']!.Type).toBe('AWS::SNS::Topic');
    expect(resources['Email']!.Properties).toEqual({ TopicArn: { Ref: 'OnCall' }, Protocol: 'email', Endpoint: 'oncall@example.com' });
    const again = loadDesign(exported.manifest, (path) => (path === 'test.yaml' ? templateToYaml(exported.templates['test']!) : undefined));
    expect(errors(again)).toEqual([]);
    expect(byLogicalId(again.design, 'Recover', 'alarm').props).toEqual(byLogicalId(loaded.design, 'Recover', 'alarm').props);
    expect(again.design!.unmodelled.map((u) => u.logicalId).sort()).toEqual(['Email', 'OnCall']);
  });
});
