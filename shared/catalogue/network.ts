// Networking: VPCs, subnets, peering, Transit Gateway, load balancers and data transfer (us-east-1 prices).

import { figure, type Figure } from './figure.ts';

export const vpc = {
  hourlyUsd: figure(0, 'USD/hour', 'VPCs, subnets, route tables and internet gateways are free.'),
  maxPeeringsPerVpc: figure(50, 'peerings', 'Active peering connections one VPC may have (the default AWS quota).'),
  securityGroupRulesPerDirection: figure(
    60,
    'rules',
    'Inbound (and, apart, outbound) rules one security group may have (the default AWS quota). Security groups decide who may open a connection (shared/sim/compile/security-groups.ts): ' +
      'Amazon VPC User Guide, "Security group rules": rules are allow rules only, by protocol, port range and a source that is a CIDR range or another security group ' +
      '(its members); "Security groups are stateful", so the answer to an admitted request needs no rule. A new group allows all outbound traffic until it writes its own egress rules. ' +
      '"Default security groups for your VPCs": a resource launched without a group is in its VPC\'s default group, whose inbound rule admits only traffic from the same group and whose ' +
      'outbound rule allows all (https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html). Elastic Load Balancing, "Security groups for your Application Load Balancer": ' +
      '"You must ensure that your load balancer can communicate with registered targets on both the listener port and the health check port", and to receive traffic only from it, targets ' +
      '"set the load balancer\'s security group as the source in the ingress rule" (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-update-security-groups.html): ' +
      'a target whose groups do not admit the load balancer fails every health check (the checks time out) and the requests the load balancer, failing open, still sends it time out too; ' +
      'an internet-facing load balancer whose groups do not admit its listener port from 0.0.0.0/0 is out of its users\' reach.',
  ),
  networkAclEphemeralFromPort: figure(
    1024,
    'port',
    'The lowest client port an answer may go back to. Network ACLs decide per subnet (shared/sim/compile/network-acls.ts): Amazon VPC User Guide, "Control subnet traffic with ' +
      'network access control lists": "Network ACLs are stateless, which means that responses to allowed inbound traffic are subject to the rules for outbound traffic (and vice versa)"; ' +
      'rules are evaluated from the lowest rule number and the first that matches decides, allow or deny, and the final * rule denies the rest; a subnet associated with no ACL uses ' +
      'its VPC\'s default ACL, which allows all traffic (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html). "Ephemeral ports": Elastic Load Balancing uses ' +
      '1024-65535 and Linux clients 32768-60999, so an ACL in front of them must allow those ports for the answers ' +
      '(https://docs.aws.amazon.com/vpc/latest/userguide/custom-network-acl.html#nacl-ephemeral-ports); without the outbound ephemeral rule every answer is dropped and the requests time out.',
  ),
  networkAclEphemeralToPort: figure(65535, 'port', 'The highest client port an answer may go back to (see networkAclEphemeralFromPort).'),
};

export const peering = {
  hourlyUsd: figure(
    0,
    'USD/hour',
    'A VPC peering connection has no hourly or processing charge: traffic over it pays data transfer only (free inside one ' +
      'zone, the cross-zone rate each way between zones, the inter-region rate between regions). It carries traffic only ' +
      "when both VPCs' route tables send the other's range to it, it is not transitive (it delivers only into its peer), " +
      'and AWS fails a peering between overlapping ranges: a VPC added to a mesh of n needs n peerings and 2n routes.',
  ),
};

export const transitGateway = {
  attachmentHourlyUsd: figure(
    0.05,
    'USD/hour',
    'Each VPC attached to a Transit Gateway costs this per hour; one attachment per VPC connects it to all others. ' +
      "The gateway routes transitively by its default route table, to which every attachment propagates its VPC's " +
      'range; each VPC needs one route to the gateway. It attaches a VPC whose range overlaps an attached one, but ' +
      "traffic to that range stays on the sender's local route, and the table keeps the range of the VPC attached " +
      'first. The game models the default route table only (no static gateway routes); a Site-to-Site VPN attached to ' +
      "it (a VPNConnection with TransitGatewayId) is one more attachment, billed at this rate, and propagates the office's " +
      'range to that table.',
  ),
  perGbUsd: figure(
    0.02,
    'USD/GB',
    'Data processed by a Transit Gateway: every GB an attachment sends into it, so a request and its answer each pay it, ' +
      'on top of data transfer. Billed under Transit Gateway in Cost Explorer.',
  ),
  maxAttachments: figure(5000, 'attachments', 'Attachments one Transit Gateway accepts (the AWS quota).'),
};

// Source: https://aws.amazon.com/vpn/pricing/ (Site-to-Site VPN, per connection-hour) and
// https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpn-attachments.html (a VPN attachment to a Transit Gateway).
export const vpn = {
  connectionHourlyUsd: figure(
    0.05,
    'USD/hour',
    'A Site-to-Site VPN connection costs this per hour (us-east-1), whether it ends at a virtual private gateway or a ' +
      'Transit Gateway; into a Transit Gateway it is also an attachment, billed per hour as one, and its traffic pays the ' +
      "gateway's per-GB processing. Into a virtual private gateway it reaches only the one VPC that gateway is attached " +
      "to (a VPN is not transitive: a peering of that VPC does not carry the office's traffic on). The VPC's route tables " +
      "need the office's range toward the gateway (a route, or route propagation from the virtual private gateway).",
  ),
  overInternetMs: figure(
    8,
    'ms',
    'Added round-trip time of an IPsec tunnel over the internet (encryption and the tunnel endpoints), on top of the ' +
      "office's internet round trip to the region. Direct Connect avoids the internet path (a dedicated line); its " +
      'connections are ordered from AWS and a partner, not created by CloudFormation, so the game does not model it.',
  ),
  officeRequestMs: figure(
    25,
    'ms',
    "The game's time for an office request's work on an instance (an internal page, a stock report), added to the " +
      "office's round trip over the VPN.",
  ),
};

export const sessionStore = {
  cacheNodeHourlyUsd: figure(
    0.017,
    'USD/hour',
    'An ElastiCache cache node (cache.t3.micro, on demand, us-east-1) costs this per hour (Amazon ElastiCache pricing, ' +
      '"On-Demand Nodes"); the game bills every node of a session store at it, whatever its node type. Cost Explorer shows ' +
      'it under ElastiCache, as AWS does.',
  ),
  dynamoReadPerMillionUsd: figure(
    0.125,
    'USD/million RRU',
    'A DynamoDB table in on-demand capacity mode is billed per request: $0.125 per million read request units (us-east-1, ' +
      'Amazon DynamoDB pricing, "On-demand capacity"; halved in November 2024). "A strongly consistent read request of up to ' +
      '4 KB requires one read request unit": the game reads a user\'s session (under 4 KB) strongly consistently on every ' +
      'request that needs it, one RRU each. Cost Explorer shows it under DynamoDB.',
  ),
  dynamoWritePerMillionUsd: figure(
    0.625,
    'USD/million WRU',
    'Writes cost $0.625 per million write request units (on-demand, us-east-1). "A standard write request unit can write an item up to ' +
      '1 KB": the game writes the session back (under 1 KB) once per write request of a logged-in user (an order placed ' +
      'changes the cart), one WRU each. Storage (the first 25 GB a month are free; sessions are kilobytes) is not billed.',
  ),
};

export const natGateway = {
  hourlyUsd: figure(0.045, 'USD/hour', 'A NAT gateway costs this per hour (the game keeps it as a route target only).'),
  perGbUsd: figure(0.045, 'USD/GB', 'Data processed by a NAT gateway, charged per GB.'),
};

export const dataTransfer = {
  crossZonePerGbEachWayUsd: figure(
    0.01,
    'USD/GB',
    'Traffic between two AZs of a region costs this per GB in each direction (ALB cross-zone traffic is free).',
  ),
  interRegionPerGbUsd: figure(0.02, 'USD/GB', 'Traffic from one region to another costs this per GB.'),
  internetEgressPerGbUsd: figure(
    0.09,
    'USD/GB',
    'Responses leaving a region to the internet cost this per GB (CloudFront egress replaces it for cached content).',
  ),
  sameZonePerGbUsd: figure(0, 'USD/GB', 'Traffic inside one AZ over private addresses is free.'),
};

export interface LoadBalancerTypeEntry {
  hourlyUsd: Figure;
  perMillionRequestsUsd: Figure;
  addedLatencyMs: Figure;
  healthCheckIntervalS: Figure;
  healthyThreshold: Figure;
  unhealthyThreshold: Figure;
  crossZoneDefault: Figure;
  crossZonePerGbUsd: Figure;
}

export const loadBalancers: Record<'application' | 'network', LoadBalancerTypeEntry> = {
  application: {
    hourlyUsd: figure(0.0225, 'USD/hour', 'An Application Load Balancer costs this per hour in us-east-1.'),
    // Game balance: real ALBs bill LCUs (new connections, active connections, bytes, rule evaluations, whichever
    // is highest) at $0.008 per LCU-hour; one LCU is ~25 new connections/s, so ~$0.09 per million requests.
    perMillionRequestsUsd: figure(
      0.09,
      'USD/million requests',
      'Load balancer capacity units turned into a per-request price: about 25 requests/s make one $0.008 LCU-hour.',
    ),
    addedLatencyMs: figure(3, 'ms', 'Time an ALB adds to a request (layer 7: it reads the HTTP request to route it).'),
    healthCheckIntervalS: figure(30, 's', 'Default ALB target health check interval.'),
    healthyThreshold: figure(5, 'checks', 'Default consecutive successful checks before an ALB target is healthy again.'),
    unhealthyThreshold: figure(2, 'checks', 'Default consecutive failed checks before an ALB stops sending to a target.'),
    crossZoneDefault: figure(1, 'on/off', 'Cross-zone load balancing is always on for an ALB unless turned off per target group.'),
    crossZonePerGbUsd: figure(0, 'USD/GB', 'An ALB does not charge for traffic it sends to targets in other AZs.'),
  },
  network: {
    hourlyUsd: figure(0.0225, 'USD/hour', 'A Network Load Balancer costs this per hour in us-east-1.'),
    // Game balance: NLCUs ($0.006/hour) count 800 new TCP flows/s; with keep-alive the game assumes ~20 requests
    // per connection, giving roughly $0.10 per million requests at these sizes.
    perMillionRequestsUsd: figure(
      0.1,
      'USD/million requests',
      'Network load balancer capacity units turned into a per-request price (a game approximation of NLCU-hours).',
    ),
    addedLatencyMs: figure(1, 'ms', 'Time an NLB adds to a request (layer 4: it forwards TCP without reading HTTP).'),
    healthCheckIntervalS: figure(30, 's', 'Default NLB target health check interval.'),
    healthyThreshold: figure(3, 'checks', 'Default consecutive successful checks before an NLB target is healthy again.'),
    unhealthyThreshold: figure(3, 'checks', 'Default consecutive failed checks before an NLB stops sending to a target.'),
    crossZoneDefault: figure(0, 'on/off', 'Cross-zone load balancing is off by default on an NLB.'),
    crossZonePerGbUsd: figure(
      0.01,
      'USD/GB',
      'An NLB with cross-zone on pays inter-AZ data transfer for what it sends to targets in other AZs.',
    ),
  },
};

/** The CloudFormation type of a classic ELB (the board shows it as a load balancer; its rules differ). */
export const CLASSIC_ELB = 'AWS::ElasticLoadBalancing::LoadBalancer';

export const loadBalancing = {
  maxTargetsPerGroup: figure(1000, 'targets', 'Targets one target group accepts (the AWS quota).'),
  albMinimumZones: figure(
    2,
    'AZs',
    'An Application Load Balancer needs subnets in at least two AZs (AWS refuses fewer); an NLB or a classic ELB may have one.',
  ),
  nodesPerZone: figure(
    1,
    'node',
    'A load balancer has a node in each AZ it enables; DNS answers with the nodes that have a healthy target, users spread over them, and with cross-zone off a node sends only to targets in its own AZ. A node in an AZ that goes dark leaves DNS at once, but clients keep its address for the TTL (nodeAddressTtlS).',
  ),
  nodeAddressTtlS: figure(
    60,
    's',
    "TTL of a load balancer's DNS answer (the IP addresses of its nodes, one per enabled AZ). When an AZ goes dark ELB removes that " +
      'node\'s address from DNS, but clients that resolved the name earlier keep connecting to it until their cached answer expires: ' +
      'that node\'s share of the clients (about 1 / enabled AZs) fails, falling to none over one TTL as caches expire. An NLB\'s static ' +
      'IP or Elastic IP in the dark AZ stops answering the same way; Global Accelerator\'s static anycast addresses need no DNS and ' +
      'avoid the wait. A Route 53 alias record to a load balancer has no TTL of its own: Route 53 uses the load balancer\'s. Sources: ' +
      'Route 53 FAQ "to configure DNS failover for ELB and Amazon S3 Website endpoints, you need to use Alias records which have fixed ' +
      'TTL of 60 seconds" (https://aws.amazon.com/route53/faqs/); Route 53 Developer Guide, alias records: "If an alias record points to ' +
      'an AWS resource, you can\'t set the time to live (TTL); Route 53 uses the default TTL for the resource" ' +
      '(https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-choosing-alias-non-alias.html); ELB knowledge ' +
      'center: a healthy AZ "adds the corresponding Elastic Load Balancer node IP address to the Elastic Load Balancer DNS" ' +
      '(https://repost.aws/knowledge-center/elb-dns-cross-zone-balance-configuration); Global Accelerator: "The IP addresses serve as ' +
      'single fixed entry points for your clients" (https://docs.aws.amazon.com/global-accelerator/latest/dg/introduction-components.html).',
  ),
  failOpen: figure(
    1,
    'on/off',
    'When every target of a target group is unhealthy, an ALB or NLB sends to all of them anyway (fail open), so a bad health check shows as errors from the targets; a classic ELB answers 503 instead. ' +
      'AWS, "Health checks for your target groups": "If a target group contains only unhealthy registered targets, the load balancer routes requests to all those targets, regardless of their health status." ' +
      'A health check fails on a working instance too when its path (HealthCheckPath, default /) is one the application does not serve (404) or its Matcher (default 200) excludes the answer: ' +
      'after the unhealthy threshold × interval every target is unhealthy, the load balancer fails open and requests still succeed, but it can no longer route around a target that really dies or is still booting (its share fails), ' +
      'and an Auto Scaling group with ELB health checks replaces the instances after its grace period, again and again.',
  ),
  tlsOnTargetCpuFactor: figure(
    1.15,
    '×',
    'CPU cost factor on a target that does TLS itself: reached directly, behind an NLB passing TCP 443 through, or behind an ALB whose ' +
      'target group speaks HTTPS (the ALB encrypts again). An ALB terminates TLS for its targets only with an HTTPS listener and a ' +
      'certificate (AWS refuses HTTPS without one); with only an HTTP listener users and targets speak plain HTTP and nobody pays for TLS.',
  ),
  anomalyMitigationFloor: figure(
    0.05,
    'share',
    'Weighted random with anomaly mitigation sends an anomalous target (more errors than the rest of its group) ever less, halving its ' +
      'weight each step down to this floor, and doubles it back as it recovers; round robin keeps sending it its full share until the ' +
      'health checks fail it.',
  ),
  anomalyErrorMargin: figure(
    0.1,
    'ratio',
    "A target is anomalous when its error ratio is this much above its group's (game simplification of AWS's automatic target weights).",
  ),
  stickyVisitS: figure(
    900,
    's',
    'With sticky sessions a user keeps their target for their visit (about this long) or the cookie duration if shorter, so a new or ' +
      'recovered target fills only as users arrive, and a sticky target that fails fails its users until the health checks move them.',
  ),
  stickyDefaultDurationS: figure(86400, 's', 'Default duration of a load balancer (lb_cookie) or application (app_cookie) stickiness cookie.'),
};
