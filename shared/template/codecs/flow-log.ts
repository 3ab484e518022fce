// VPC flow logs (AWS::EC2::FlowLog): which VPC, subnet or network interface is watched, which traffic
// (ACCEPT, REJECT or ALL), where the records go (CloudWatch Logs or S3) and how long they are aggregated.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-flowlog.html
// The records themselves: shared/sim/flow-records.ts. A LogFormat other than the default is kept as written.

import { codec, defined } from '../codec.ts';
import type { ResourceKind } from '../../design/model.ts';

const RESOURCE_TYPES = ['VPC', 'Subnet', 'NetworkInterface'] as const;
const TRAFFIC_TYPES = ['ACCEPT', 'REJECT', 'ALL'] as const;
const DESTINATION_TYPES = ['cloud-watch-logs', 's3'] as const;
/** The board kind each ResourceType names; a network interface is an instance's primary interface. */
const WATCHED: Record<(typeof RESOURCE_TYPES)[number], readonly ResourceKind[]> = { VPC: ['vpc'], Subnet: ['subnet'], NetworkInterface: ['instance'] };

export const flowLogCodec = codec({
  kind: 'flowLog',
  awsType: 'AWS::EC2::FlowLog',
  usual: true,
  read: (p) => {
    const resourceType = p.choice('ResourceType', RESOURCE_TYPES, 'VPC');
    const resource = p.requiredRef('ResourceId', WATCHED[resourceType]);
    if (resource === undefined) return undefined;
    const aggregation = p.number('MaxAggregationInterval', 600);
    return defined({
      resourceType,
      resource,
      trafficType: p.choice('TrafficType', TRAFFIC_TYPES, 'ALL'),
      destinationType: p.choice('LogDestinationType', DESTINATION_TYPES, 'cloud-watch-logs'),
      destination: p.optionalText('LogDestination'),
      logGroupName: p.optionalText('LogGroupName'),
      aggregationS: aggregation === 60 ? (60 as const) : (600 as const),
    }) as {
      resourceType: (typeof RESOURCE_TYPES)[number];
      resource: number;
      trafficType: (typeof TRAFFIC_TYPES)[number];
      destinationType: (typeof DESTINATION_TYPES)[number];
      aggregationS: 60 | 600;
    };
  },
  write: (props, w) =>
    defined({
      ResourceType: props.resourceType,
      ResourceId: w.ref(props.resource),
      TrafficType: props.trafficType,
      LogDestinationType: props.destinationType,
      LogDestination: props.destination,
      LogGroupName: props.logGroupName,
      MaxAggregationInterval: props.aggregationS,
    }),
});
