// What makes a Gateway Load Balancer its own thing: it is not an entry point for the application but a bump in
// the wire. Traffic routed to a Gateway Load Balancer endpoint (AWS::EC2::VPCEndpoint, VpcEndpointType
// GatewayLoadBalancer) is wrapped in GENEVE (UDP 6081) and sent to an appliance fleet (firewall instances); what
// the appliances pass comes back through the endpoint and goes on to the application. The appliances' capacity
// and health decide what gets through (shared/sim/gateway-inspection.ts); the design checks are in
// shared/template/checks/gwlb-checks.ts. Prices: us-east-1, AWS's Elastic Load Balancing and PrivateLink pages.

import { figure } from './figure.ts';

/** The only protocol and port a Gateway Load Balancer target group accepts. */
export const GWLB_TARGET_PROTOCOL = 'GENEVE';
export const GWLB_TARGET_PORT = 6081;

export const gatewayLoadBalancer = {
  hourlyUsd: figure(0.0125, 'USD/hour', 'A Gateway Load Balancer costs this per hour in us-east-1, plus its GLCUs.'),
  perGlcuHourUsd: figure(
    0.004,
    'USD/GLCU-hour',
    'A Gateway Load Balancer Capacity Unit is billed per hour on its highest dimension (new flows, active flows, bytes).',
  ),
  glcuGbPerHour: figure(
    1,
    'GB/hour',
    'One GLCU covers 1 GB of processed traffic per hour; inspection sees every byte, so bytes decide the count (the game ' +
      'bills GLCUs by bytes only).',
  ),
  endpointHourlyUsd: figure(
    0.01,
    'USD/hour',
    'Each Gateway Load Balancer endpoint (one per AZ whose traffic is inspected) costs this per hour, billed apart from the GWLB.',
  ),
  endpointPerGbUsd: figure(
    0.0035,
    'USD/GB',
    'Every GB that passes through a Gateway Load Balancer endpoint is billed at this rate: all inspected traffic is billed traffic.',
  ),
  endpointPath: figure(
    1,
    'endpoint per route',
    'Traffic passes the appliances only where a route sends it to a Gateway Load Balancer endpoint (VpcEndpointId): each ' +
      'load balancer node\'s flows go to the endpoint its subnet\'s route table names, in that endpoint\'s AZ, so one endpoint ' +
      'in one AZ carries every AZ until its AZ goes dark. The game keeps the endpoint as written (not a board piece) and ' +
      'links it to its region\'s Gateway Load Balancer (the endpoint service between them is not modelled).',
  ),
  genevePort: figure(
    GWLB_TARGET_PORT,
    'port',
    'A Gateway Load Balancer listens for all IP packets on all ports and sends them to its appliances wrapped in GENEVE on ' +
      'UDP 6081: its target group must say GENEVE and 6081, and its listener takes no protocol or port.',
  ),
  applianceCpuMsPerRequest: figure(
    2,
    'CPU ms/request',
    'Game figure: the CPU time a firewall appliance spends inspecting one request\'s packets. An appliance of type T passes ' +
      'at most (its vCPUs × 1000 / this) requests per second; what is beyond is shed.',
  ),
  crossZoneDefault: figure(
    0,
    'on/off',
    'Cross-zone load balancing is off by default on a Gateway Load Balancer: the node in each AZ sends only to appliances in ' +
      'its own AZ, so when an AZ\'s appliances are all down that AZ\'s flows fail although the other AZ\'s appliances are fine.',
  ),
  noFailOpen: figure(
    0,
    'on/off',
    'A Gateway Load Balancer sends new flows only to healthy appliances: with none healthy, the inspected traffic is dropped, ' +
      'it does not bypass the firewall (an ALB fails open; a bump in the wire that failed open would let traffic skip ' +
      'inspection). The game drops every request while no appliance the node may use is healthy.',
  ),
  targetFailover: figure(
    0,
    'rebalance on/off',
    'A flow stays on the appliance its hash chose. When an appliance fails, the flows hashed to it are dropped until the ' +
      'GWLB\'s health check takes it out of service (interval × unhealthy threshold); new flows then go to healthy appliances. ' +
      'AWS: "By default, the Gateway Load Balancer continues to send existing flows to the same target, even if the target has ' +
      'failed ... If the Gateway Load Balancer cannot reach the target, the traffic is dropped. However, new flows are sent to ' +
      'healthy targets" (Edit target group attributes, Target failover). The game drops the down appliance\'s share until the ' +
      'health check marks it unhealthy (no_rebalance, the default).',
  ),
  flowStickiness: figure(
    5,
    'tuple',
    'A Gateway Load Balancer keeps a flow on one appliance by a hash of its 5-tuple (both directions alike), so a stateful ' +
      'firewall sees the whole connection; the game models flows as requests spread evenly over healthy appliances.',
  ),
};
