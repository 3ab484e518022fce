// SNS on the wire: each team's deliveries (the timeline entries that carry subscribers, shared/sns/inbox.ts)
// and its topics with their subscriptions, for the SNS console. Written only when the world's timeline brings
// a delivery or a subscription change, or the world or its design is new; the client picks the deliveries
// that reach its player with the shared rule.
import { DELIVERY_CODES, INBOX_ITEMS } from '../../shared/sns/inbox.ts';
import { topicViews } from '../../shared/sim/topic-subscriptions.ts';
import type { Design } from '../../shared/design/model.ts';
import type { World } from '../../shared/sim/world.ts';
import type { Team } from '../../shared/match/match.ts';
import { TimelineItem, type TeamBoard } from './match-state.ts';

export type SnsMemo = WeakMap<World, { read: number; design: Design }>;

const SUBSCRIPTION_CODES = ['snsSubscribed', 'snsUnsubscribed'];

export function projectSns(board: TeamBoard, team: Team, memo: { sns?: SnsMemo }): void {
  const world = team.world;
  const sns = (memo.sns ??= new WeakMap());
  const seen = sns.get(world);
  const timeline = world.timeline;
  let topicsChanged = !seen || seen.design !== world.design;
  if (!seen) board.inbox.clear();
  for (let i = seen?.read ?? 0; i < timeline.length; i++) {
    const e = timeline[i]!;
    if (DELIVERY_CODES.includes(e.code)) board.inbox.push(Object.assign(new TimelineItem(), { tS: e.tS, kind: e.kind, code: e.code, values: JSON.stringify(e.values) }));
    else if (SUBSCRIPTION_CODES.includes(e.code)) topicsChanged = true;
  }
  while (board.inbox.length > INBOX_ITEMS) board.inbox.shift();
  sns.set(world, { read: timeline.length, design: world.design });
  if (topicsChanged) {
    const json = JSON.stringify(topicViews(world));
    if (board.topicsJson !== json) board.topicsJson = json;
  }
}
