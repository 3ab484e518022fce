// AWS::EC2::FlowLog is read onto the board (VPC, subnet or an instance's interface; traffic type; destination;
// aggregation interval) and written back as it was (load → export → load gives the same design).
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../../shared/template/index.ts';
import { byLogicalId, errors, loadTemplate } from './load-helpers.ts';

const TEMPLATE = `
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Private: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: us-east-1a}}
  Web: {Type: AWS::EC2::Instance, Properties: {InstanceType: t3.micro, SubnetId: !Ref Private, ImageId: ami-1}}
  VpcFlows: {Type: AWS::EC2::FlowLog, Properties: {ResourceType: VPC, ResourceId: !Ref Vpc, TrafficType: REJECT, LogDestinationType: cloud-watch-logs, LogGroupName: vpc-flows, MaxAggregationInterval: 60}}
  SubnetFlows: {Type: AWS::EC2::FlowLog, Properties: {ResourceType: Subnet, ResourceId: !Ref Private, TrafficType: ALL, LogDestinationType: s3, LogDestination: 'arn:aws:s3:::flow-bucket'}}
  WebFlows: {Type: AWS::EC2::FlowLog, Properties: {ResourceType: NetworkInterface, ResourceId: !Ref Web, TrafficType: ACCEPT, LogDestinationType: s3, LogDestination: 'arn:aws:s3:::flow-bucket'}}
`;

type Written = Record<string, { Type: string; Properties: Record<string, unknown> }>;

describe('VPC flow logs in templates', () => {
  it('reads the watched resource, traffic type, destination and aggregation interval', () => {
    const loaded = loadTemplate(TEMPLATE);
    expect(errors(loaded)).toEqual([]);
    const vpc = byLogicalId(loaded.design, 'Vpc', 'vpc');
    expect(byLogicalId(loaded.design, 'VpcFlows', 'flowLog').props).toEqual({
      resourceType: 'VPC', resource: vpc.id, trafficType: 'REJECT', destinationType: 'cloud-watch-logs', logGroupName: 'vpc-flows', aggregationS: 60,
    });
    // MaxAggregationInterval defaults to 600 seconds, as in AWS.
    expect(byLogicalId(loaded.design, 'SubnetFlows', 'flowLog').props).toMatchObject({ resourceType: 'Subnet', destinationType: 's3', destination: 'arn:aws:s3:::flow-bucket', aggregationS: 600 });
    expect(byLogicalId(loaded.design, 'WebFlows', 'flowLog').props.resource).toBe(byLogicalId(loaded.design, 'Web', 'instance').id);
  });

  it('writes them back and loads the same design again', () => {
    const loaded = loadTemplate(TEMPLATE);
    const written = exportDesign(loaded.design!).templates['test']!;
    const resources = written['Resources'] as Written;
    expect(resources['VpcFlows']!.Type).toBe('AWS::EC2::FlowLog');
    expect(resources['VpcFlows']!.Properties).toMatchObject({ ResourceType: 'VPC', ResourceId: { Ref: 'Vpc' }, TrafficType: 'REJECT', LogDestinationType: 'cloud-watch-logs', LogGroupName: 'vpc-flows', MaxAggregationInterval: 60 });
    const again = loadTemplate(written);
    expect(errors(again)).toEqual([]);
    const props = (d: typeof loaded.design) => d!.resources.map((r) => [r.logicalId, r.kind, r.props]);
    expect(props(again.design)).toEqual(props(loaded.design));
  });
});
