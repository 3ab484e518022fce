import { describe, expect, it } from 'vitest';
import { SnapshotReader, type StateJson } from '../../client/net/snapshot.ts';
import { ReplaySnapshots } from '../../client/view/replay-snapshot.ts';
import { catalogue, priceFactorOf } from '../../shared/catalogue/index.ts';
import { changeStacks } from '../../shared/match/apply-design.ts';
import { createMatch } from '../../shared/match/create.ts';
import { openReplay } from '../../shared/match/replay-cursor.ts';
import { snapshotViews } from '../../shared/match/snapshot-view.ts';
import { snapshotHourlyUsd } from '../../shared/sim/snapshot-price.ts';
import { loadDesign } from '../../shared/template/manifest.ts';
import { MatchState } from '../../server/wire/match-state.ts';
import { newMemo, projectMatch } from '../../server/wire/project.ts';
import { exampleScenario } from '../support/match-fixtures.ts';

// The DB snapshots the account keeps reach the client, live and in a replay, each with the monthly cost the
// shared bill charges for it (the client prices nothing).
const data = `Resources:
  Net:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.1.0.0/16}
  A:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Net, CidrBlock: 10.1.0.0/24, AvailabilityZone: eu-west-1a}
  B:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Net, CidrBlock: 10.1.1.0/24, AvailabilityZone: eu-west-1b}
  Group:
    Type: AWS::RDS::DBSubnetGroup
    Properties: {DBSubnetGroupDescription: db, SubnetIds: [!Ref A, !Ref B]}
  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: postgres, DBInstanceClass: db.t3.micro, AllocatedStorage: '100', DBSubnetGroupName: !Ref Group}
`;

function designWithSnapshot() {
  const loaded = loadDesign({ stacks: [{ name: 'data', region: 'eu-west-1', template: 'data.yaml' }] }, () => data);
  const deleted = changeStacks(loaded.design!, { type: 'deleteStack', stack: 'data' });
  if (!deleted.ok) throw new Error(deleted.refusal.message);
  return deleted.design;
}

describe("the account's DB snapshots on the client", () => {
  it('are priced by the bill’s own rule: a month of the hourly charge', () => {
    const [view] = snapshotViews(designWithSnapshot());
    const month = 100 * catalogue.database.snapshotGbMonthUsd.value * priceFactorOf('eu-west-1');
    expect(view).toEqual({ ref: 'account:retained:eu-west-1/data-db-snapshot', identifier: 'data-db-snapshot', region: 'eu-west-1', engine: 'postgres', storageGb: 100, source: 'data/Db', monthUsd: Math.round(month * 100) / 100 });
    expect(snapshotHourlyUsd(view!) * catalogue.hoursPerMonth.value).toBeCloseTo(month, 9);
  });

  it('are carried by the wire and by the replay alike', () => {
    const design = designWithSnapshot();
    const match = createMatch({ mode: 'team', scenario: exampleScenario('az-outage'), seed: 7, design, teams: [{ id: 'red', name: 'red' }] });
    const state = new MatchState();
    projectMatch(state, match, [], newMemo(), true);
    const live = new SnapshotReader().read(state.toJSON() as StateJson, '');
    expect(live.board.snapshots).toEqual(snapshotViews(design));
    expect(live.board.snapshots).toHaveLength(1);
    const replayed = new ReplaySnapshots(openReplay({ mode: match.mode, scenario: match.scenario, seed: match.seed, design, teams: [{ id: 'red', name: 'red' }] }, [], 0), 'X').snapshot(0);
    expect(replayed.board.snapshots).toEqual(live.board.snapshots);
  });
});
