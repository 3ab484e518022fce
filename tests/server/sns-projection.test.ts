// SNS on the wire (server/wire/project-sns.ts): a team's board carries its deliveries (alarm notifications with
// their subscribers) and its topics with their subscriptions, written only when they change.
import { describe, expect, it } from 'vitest';
import { applyAction } from '../../shared/sim/actions.ts';
import { createWorld } from '../../shared/sim/world.ts';
import type { Team } from '../../shared/match/match.ts';
import { TeamBoard } from '../../server/wire/match-state.ts';
import { projectSns } from '../../server/wire/project-sns.ts';
import { designBuilder, scenario } from '../shared/sim/builders.ts';
import { runUntil } from '../shared/sim/probes.ts';

function team(): Team {
  const d = designBuilder();
  d.stack('legacy', 'us-east-1');
  const net = d.network('Main', 'us-east-1', ['a']);
  const server = d.instance('Server', net.subnets[0]!, 'm5.large');
  d.add('Watch', 'alarm', { metric: 'StatusCheckFailed_System', namespace: 'AWS/EC2', statistic: 'Maximum', comparison: 'GreaterThanOrEqualToThreshold', threshold: 1, periodS: 60, evaluationPeriods: 2, alarmActions: [], notifications: ['OnCall'], subject: server });
  d.design.unmodelled.push({ stack: 0, logicalId: 'OnCall', type: 'AWS::SNS::Topic', body: { Type: 'AWS::SNS::Topic', Properties: {} }, reason: 'unmodelled-type' });
  const world = createWorld(d.design, scenario({ events: [{ type: 'instance-failure', atS: 600, params: { count: 1, target: 'Server', check: 'system' } }] }), 3);
  return { id: 'red', name: 'Red', world, actionsUsed: [] };
}

describe('SNS on the wire', () => {
  it("carries the team's topics and deliveries, and rewrites the topics only when a subscription changes", () => {
    const t = team();
    const board = new TeamBoard();
    const memo = {};
    projectSns(board, t, memo);
    expect(JSON.parse(board.topicsJson)).toEqual([{ topic: 'legacy/OnCall', subscriptions: [] }]);
    expect(board.inbox.length).toBe(0);
    applyAction(t.world, { type: 'sns-subscribe', topic: 'legacy/OnCall', protocol: 'email', endpoint: 'red@example.com' });
    projectSns(board, t, memo);
    expect(JSON.parse(board.topicsJson)).toEqual([{ topic: 'legacy/OnCall', subscriptions: [{ subscriber: 'email:red@example.com', fromTemplate: false }] }]);
    runUntil(t.world, 1200);
    projectSns(board, t, memo);
    expect(board.inbox.length).toBe(1);
    expect(board.inbox.at(0)!.code).toBe('snsNotified');
    expect(JSON.parse(board.inbox.at(0)!.values)).toMatchObject({ state: 'ALARM', endpoints: ['email:red@example.com'] });
    // Nothing new: nothing written again.
    const before = board.topicsJson;
    projectSns(board, t, memo);
    expect(board.inbox.length).toBe(1);
    expect(board.topicsJson).toBe(before);
  });
});
