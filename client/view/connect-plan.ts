// Drawing a line between two pieces of the board, turned into the design's own connections. Most pairs
// connect directly (a record to a load balancer); some go through a part the piece holds: a load balancer
// reaches an Auto Scaling group through its target group, an accelerator a load balancer through the endpoint
// group of that region. Parts that are missing are placed in the same gesture.
import { connectionMeaning } from '../../shared/design/connections.ts';
import type { MatchIntent } from '../../shared/match/intents.ts';
import type { BoardResource, TeamBoard } from '../net/snapshot.ts';
import type { BoardModel } from './board-model.ts';
import { LogicalIds } from './placement.ts';

export type ConnectPlan = { intents: MatchIntent[]; meaning: string } | { reason: string };

const refOne = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function partOf(model: BoardModel, owner: string, kind: string, when: (r: BoardResource) => boolean = () => true): BoardResource | undefined {
  return model.pieces.get(owner)?.parts.find((p) => p.kind === kind && when(p));
}

export function planConnection(board: TeamBoard, model: BoardModel, aRef: string, bRef: string, disconnect = false): ConnectPlan {
  const a = model.byRef.get(aRef);
  const b = model.byRef.get(bRef);
  if (!a || !b || a.ref === b.ref) return { reason: 'connect.same' };
  const type = disconnect ? 'disconnect' : 'connect';
  const direct = connectionMeaning(a.kind, b.kind);
  if (direct) return { intents: [{ type, from: a.ref, to: b.ref }], meaning: direct };

  const [lb, other] = a.kind === 'loadBalancer' ? [a, b] : b.kind === 'loadBalancer' ? [b, a] : [undefined, undefined];
  if (lb && other && (other.kind === 'autoScalingGroup' || other.kind === 'instance')) {
    const group = partOf(model, lb.ref, 'targetGroup');
    const intents: MatchIntent[] = [];
    let groupRef = group?.ref;
    if (!groupRef) {
      if (disconnect) return { reason: 'connect.none' };
      const ids = new LogicalIds(board);
      const logicalId = ids.next(lb.stack, 'targetGroup');
      groupRef = `${lb.stack}/${logicalId}`;
      const vpc = board.resources.find((r) => r.ref === refOne(board.resources.find((s) => s.ref === (lb.props.subnets as string[] | undefined)?.[0])?.props.vpc));
      intents.push({
        type: 'place',
        stack: lb.stack,
        kind: 'targetGroup',
        logicalId,
        props: {
          protocol: 'HTTP',
          port: 80,
          ...(vpc ? { vpc: vpc.ref } : {}),
          targets: [],
          healthCheck: { intervalS: 30, healthyThreshold: 5, unhealthyThreshold: 2, path: '/' },
          algorithm: 'round_robin',
          stickiness: false,
        },
      });
      intents.push({ type: 'connect', from: lb.ref, to: groupRef });
    }
    intents.push({ type, from: other.ref, to: groupRef });
    return { intents, meaning: connectionMeaning(other.kind, 'targetGroup')! };
  }

  const [acc, end] = a.kind === 'accelerator' ? [a, b] : b.kind === 'accelerator' ? [b, a] : [undefined, undefined];
  if (acc && end && (end.kind === 'loadBalancer' || end.kind === 'instance')) {
    const listener = partOf(model, acc.ref, 'acceleratorListener');
    const existing = partOf(model, acc.ref, 'endpointGroup', (g) => g.props.region === end.region);
    if (existing) return { intents: [{ type, from: existing.ref, to: end.ref }], meaning: 'accelerates' };
    if (disconnect) return { reason: 'connect.none' };
    const ids = new LogicalIds(board);
    const intents: MatchIntent[] = [];
    let listenerRef = listener?.ref;
    if (!listenerRef) {
      const logicalId = ids.next(acc.stack, 'acceleratorListener');
      listenerRef = `${acc.stack}/${logicalId}`;
      intents.push({ type: 'place', stack: acc.stack, kind: 'acceleratorListener', logicalId, props: { accelerator: acc.ref, protocol: 'TCP', ports: [{ from: 80, to: 80 }] } });
    }
    const logicalId = ids.next(acc.stack, 'endpointGroup');
    intents.push({
      type: 'place',
      stack: acc.stack,
      kind: 'endpointGroup',
      logicalId,
      props: { listener: listenerRef, region: end.region, endpoints: [{ target: end.ref, weight: 128 }], trafficDialPct: 100, healthCheckIntervalS: 30, thresholdCount: 3 },
    });
    return { intents, meaning: 'accelerates' };
  }
  return { reason: 'connect.cannot' };
}
