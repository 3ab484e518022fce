// Every resource kind of the design model as one union: what `Design.resources` holds and what `kind` names.
import type { Vpc, Subnet, InternetGateway, GatewayAttachment, RouteTable, Route, SubnetRouteTableAssociation, SecurityGroup, NetworkAcl, NetworkAclEntry, SubnetNetworkAclAssociation, FlowLog, VpcPeering, TransitGateway, TransitGatewayAttachment, CustomerGateway, VpnGateway, VpnConnection, VpnGatewayRoutePropagation } from './kinds/networking.ts';
import type { LogGroup, MetricFilter } from './kinds/logs.ts';
import type { Instance, LaunchTemplate, AutoScalingGroup, ScalingPolicy, ScheduledAction } from './kinds/compute.ts';
import type { LoadBalancer, TargetGroup, Listener, ListenerRule } from './kinds/load-balancing.ts';
import type { DbSubnetGroup, Database, Bucket } from './kinds/data.ts';
import type { Distribution, HealthCheck, RecordSet, Accelerator, AcceleratorListener, EndpointGroup, WebAcl, WebAclAssociation } from './kinds/edge.ts';
import type { Alarm, Budget, BudgetAction, Trail } from './kinds/operations.ts';
import type { Dashboard } from './kinds/dashboard.ts';

export type Resource =
  | Vpc
  | Subnet
  | InternetGateway
  | GatewayAttachment
  | RouteTable
  | Route
  | SubnetRouteTableAssociation
  | SecurityGroup
  | VpcPeering
  | TransitGateway
  | TransitGatewayAttachment
  | CustomerGateway
  | VpnGateway
  | VpnConnection
  | VpnGatewayRoutePropagation
  | NetworkAcl
  | NetworkAclEntry
  | SubnetNetworkAclAssociation
  | FlowLog
  | Instance
  | LaunchTemplate
  | AutoScalingGroup
  | ScalingPolicy
  | ScheduledAction
  | LoadBalancer
  | TargetGroup
  | Listener
  | ListenerRule
  | DbSubnetGroup
  | Database
  | Bucket
  | Distribution
  | HealthCheck
  | RecordSet
  | Accelerator
  | AcceleratorListener
  | EndpointGroup
  | WebAcl
  | WebAclAssociation
  | Alarm
  | Budget
  | BudgetAction
  | Trail
  | Dashboard
  | LogGroup
  | MetricFilter;

export type ResourceKind = Resource['kind'];
export type ResourceOfKind<K extends ResourceKind> = Extract<Resource, { kind: K }>;
