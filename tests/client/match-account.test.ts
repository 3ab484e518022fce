import { describe, expect, it } from 'vitest';
import { SnapshotReader, type StateJson } from '../../client/net/snapshot.ts';
import { ReplaySnapshots } from '../../client/view/replay-snapshot.ts';
import { FRESH_ACCOUNT } from '../../shared/account/default-vpc.ts';
import { openReplay } from '../../shared/match/replay-cursor.ts';
import { parameterForm } from '../../shared/template/parameter-form.ts';
import { MatchState } from '../../server/wire/match-state.ts';
import { newMemo, projectMatch } from '../../server/wire/project.ts';
import { testMatch } from '../support/match-fixtures.ts';

// The CloudFormation panel offers what the match's account has: the wire and the replay both say which default
// VPCs the scenario deleted, so the form never offers a subnet the room's deploy would refuse.
const SUBNET_PARAMETER = 'Parameters:\n  Subnet:\n    Type: AWS::EC2::Subnet::Id\nResources: {}\n';

describe("the match's account on the client", () => {
  it('is carried by the wire and by the replay, and the form offers only what is there', () => {
    const match = testMatch();
    match.scenario = { ...match.scenario, account: { defaultVpcDeletedIn: ['us-east-1'] } };
    const state = new MatchState();
    projectMatch(state, match, [], newMemo(), true);
    const live = new SnapshotReader().read(state.toJSON() as StateJson, '');
    expect(live.account).toEqual({ defaultVpcDeletedIn: ['us-east-1'] });
    const replayed = new ReplaySnapshots(openReplay({ mode: match.mode, scenario: match.scenario, seed: match.seed, design: match.teams[0]!.world.design, teams: [{ id: 'red', name: 'red' }] }, [], 0), 'X').snapshot(0);
    expect(replayed.account).toEqual(live.account);

    const offered = (account: typeof live.account) =>
      parameterForm({ text: SUBNET_PARAMETER, stack: 'extra', region: 'us-east-1', account, board: live.board }).groups.flatMap((g) => g.fields)[0]!.options.map((o) => o.value);
    expect(offered(FRESH_ACCOUNT)).toContain('subnet-default-us-east-1a');
    expect(offered(live.account).some((v) => v.startsWith('subnet-default'))).toBe(false);
  });

  it('is a fresh account where the scenario deleted nothing', () => {
    const state = new MatchState();
    projectMatch(state, testMatch(), [], newMemo(), true);
    expect(new SnapshotReader().read(state.toJSON() as StateJson, '').account).toEqual(FRESH_ACCOUNT);
  });
});
