// who-closed-the-port played through the match rules: the colleague is a user of the account from the opening,
// and the change appears in CloudTrail as dana-ops's own RevokeSecurityGroupIngress call on the web servers'
// group, with the group and the rule in its request parameters: what the CloudTrail console looks up.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSETS_DIR, designFromManifest } from '../../../server/assets/library.ts';
import { findUser } from '../../../shared/iam/directory.ts';
import { applyIntent, colleagueUsers } from '../../../shared/match/apply.ts';
import { createMatch } from '../../../shared/match/create.ts';
import { runTick } from '../../../shared/match/tick.ts';
import { startingDesign, startingManifest } from '../../../shared/scenario/start.ts';
import { queryTrail } from '../../../shared/trail/query.ts';
import { exampleScenario, host } from '../../support/match-fixtures.ts';

describe("a colleague's security group change in a match", () => {
  it('is logged as the IAM user dana-ops calling RevokeSecurityGroupIngress, with the group and the rule', () => {
    const scenario = exampleScenario('who-closed-the-port');
    const design = startingDesign(scenario, designFromManifest(join(ASSETS_DIR, startingManifest(scenario)!)).design);
    const match = createMatch({ mode: 'solo', scenario, seed: 3, design, teams: [{ id: 'team-1', name: 'Team 1' }] });
    expect(colleagueUsers(scenario)).toEqual(['dana-ops']);
    expect(findUser(match.directory, 'dana-ops')).toBeDefined();
    applyIntent(match, host('team-1'), { type: 'clock', command: 'start' }, 0);
    const cursor = new Map<string, number>();
    const changes = () => queryTrail(match.trail, { resource: 'WebServerSecurityGroup', action: 'RevokeSecurityGroupIngress' });
    while (changes().length === 0 && match.clock.phase === 'running') runTick(match, [], 60, 0, cursor);
    const [event] = changes();
    expect(event).toMatchObject({
      eventSource: 'ec2.amazonaws.com',
      eventName: 'RevokeSecurityGroupIngress',
      principal: { type: 'IAMUser', name: 'dana-ops', arn: expect.stringContaining('user/dana-ops') },
      resource: 'web/WebServerSecurityGroup',
      params: {
        groupId: 'web/WebServerSecurityGroup',
        ipPermissions: { items: [{ ipProtocol: 'tcp', fromPort: 80, toPort: 80, groups: { items: [{ groupId: 'web/LoadBalancerSecurityGroup' }] } }] },
      },
    });
    expect(event!.simS >= 1800 && event!.simS <= 5400).toBe(true);
    // The board the team edits from has lost the rule too: the change is in the design, not only in the world.
    const group = match.teams[0]!.world.design.resources.find((r) => r.logicalId === 'WebServerSecurityGroup')!;
    expect(group.kind === 'securityGroup' && group.props.ingress.some((r) => r.fromPort === 80)).toBe(false);
  });
});
