// What makes a Network Load Balancer its own thing (its prices and timings are in network.ts `loadBalancers`):
// layer-4 listeners, fixed addresses, flow-hash distribution, client IP preserved, TLS passthrough or termination.
// The rules are applied by shared/template/checks/nlb-checks.ts (what AWS refuses) and the simulation
// (shared/sim/allow-list.ts, shared/sim/flow-hash.ts); these sentences are what a player reads about them.

import { figure } from './figure.ts';

/** The listener protocols an NLB accepts, in the order AWS's ValidationError lists them. */
export const NLB_LISTENER_PROTOCOLS = ['TLS', 'TCP', 'TCP_UDP', 'UDP'] as const;

export const networkLoadBalancer = {
  layer4Only: figure(
    1,
    'on/off',
    'An NLB listens on TCP, UDP, TCP_UDP or TLS and never reads HTTP: HTTP/HTTPS listeners, path or host rules, cookie ' +
      'stickiness and the least-outstanding-requests or weighted-random algorithms are refused on it, as AWS refuses them.',
  ),
  staticAddressesPerZone: figure(
    1,
    'IPv4 address',
    'An NLB has one static IPv4 address per enabled AZ for its whole life, or the Elastic IPs you give it through ' +
      'SubnetMappings (AllocationId): a partner can allow-list them. An ALB\'s addresses change as AWS scales and ' +
      'replaces its nodes, so it cannot be allow-listed by address (put Global Accelerator\'s static anycast IPs in front).',
  ),
  publicIpv4HourlyUsd: figure(
    0.005,
    'USD/hour',
    'AWS bills every public IPv4 address, an Elastic IP included, in use or idle, at this hourly rate. The game bills the ' +
      'Elastic IPs a load balancer maps (the addresses AWS assigns to load balancers are left in their hourly price).',
  ),
  flowHash: figure(
    1,
    'on/off',
    'An NLB picks a target per connection by a hash of the flow (protocol, addresses, ports) and keeps the connection ' +
      'there: a target added later gets only new connections, so long-lived connections do not rebalance. The game ' +
      "keeps each connection where it landed: a new target's share grows as the older connections close (connectionLifetimeS).",
  ),
  connectionLifetimeS: figure(
    900,
    's',
    'How long clients keep a connection to an NLB open (game figure: lifetimes spread evenly up to this): a target that ' +
      'comes into service reaches its full share only once every older connection has closed and reconnected.',
  ),
  clientIpPreserved: figure(
    1,
    'on/off',
    'An NLB passes the client\'s own source address to instance targets (an ALB sends its own and puts the client\'s in ' +
      'X-Forwarded-For): the targets\' security groups must allow the clients\' addresses.',
  ),
  tlsPassthrough: figure(
    1,
    'on/off',
    'A TCP listener on 443 passes TLS through to the targets, which decrypt it and pay the CPU (tlsOnTargetCpuFactor); a ' +
      'TLS listener with a certificate terminates TLS on the NLB as an ALB\'s HTTPS listener does.',
  ),
};
