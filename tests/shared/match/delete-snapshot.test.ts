import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import { snapshotsOf } from '../../../shared/account/retained-stack.ts';
import { applyIntent } from '../../../shared/match/apply.ts';
import { matchIntentSchema } from '../../../shared/match/intents.ts';
import { costView } from '../../../shared/match/cost-view.ts';
import type { Match } from '../../../shared/match/match.ts';
import { host, testMatch, user } from '../../support/match-fixtures.ts';
import { now, runUntil } from '../sim/probes.ts';
import { DB_NETWORK } from '../../support/db-network.ts';

// A DB snapshot the account keeps (a database deleted or replaced under Snapshot) is billed by the GB-month until
// someone deletes it: the board's delete gesture, on the name snapshotsOf gives it, is RDS's DeleteDBSnapshot.

const data = `${DB_NETWORK}  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: postgres, DBInstanceClass: db.t3.micro, AllocatedStorage: '2000', DBSubnetGroupName: !Ref Group}
`;

const SNAPSHOT = 'account:retained:us-east-1/data-db-snapshot';
const world = (m: Match) => m.teams[0]!.world;
const rdsHourly = (m: Match) => costView(world(m)).byService.find((l) => l.name === 'rds')?.hourlyUsd ?? 0;

/** A running match whose account keeps one snapshot: the data stack was deleted under RDS's default policy. */
function withSnapshot(): Match {
  const match = testMatch();
  expect(applyIntent(match, host(), { type: 'deployStack', stack: 'data', region: 'us-east-1', template: data }, 0)).toMatchObject({ ok: true });
  match.clock = { ...match.clock, step: 1 };
  runUntil(world(match), 300);
  expect(applyIntent(match, host(), { type: 'deleteStack', stack: 'data' }, 0)).toMatchObject({ ok: true });
  expect(snapshotsOf(world(match).design)).toMatchObject([{ ref: SNAPSHOT, identifier: 'data-db-snapshot', storageGb: 2000 }]);
  runUntil(world(match), now(world(match)) + 300);
  return match;
}

describe('deleting a DB snapshot the account keeps', () => {
  it('the delete gesture removes it, CloudTrail records rds:DeleteDBSnapshot, and its bill stops', () => {
    const match = withSnapshot();
    const billed = rdsHourly(match);
    expect(billed).toBeGreaterThan(0);
    const seen = match.trail.length;
    expect(applyIntent(match, host(), { type: 'delete', target: SNAPSHOT }, 0)).toEqual({ ok: true });
    expect(snapshotsOf(world(match).design)).toEqual([]);
    expect(match.trail.slice(seen)).toMatchObject([
      { eventSource: 'rds.amazonaws.com', eventName: 'DeleteDBSnapshot', resource: SNAPSHOT, outcome: 'Success', params: { action: 'deleteSnapshot', ref: SNAPSHOT } },
    ]);
    runUntil(world(match), now(world(match)) + 300);
    // The match's own database stays billed; the snapshot's GB-months are gone from the run rate.
    const snapshotHourly = (2000 * catalogue.database.snapshotGbMonthUsd.value) / catalogue.hoursPerMonth.value;
    expect(snapshotHourly).toBeGreaterThan(0.05);
    expect(rdsHourly(match)).toBeCloseTo(billed - snapshotHourly, 2);
    // Nothing to undo: RDS has no way back from a deleted snapshot.
    expect(applyIntent(match, host(), { type: 'undo' }, 0)).toMatchObject({ ok: false, refusal: { code: 'nothing-to-undo' } });
  });

  it('needs rds:DeleteDBSnapshot on the snapshot ARN: denied, the snapshot stays and is still billed', () => {
    const match = withSnapshot();
    applyIntent(match, host(), { type: 'iam', request: { op: 'createUser', name: 'ops' } }, 0);
    const document = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Effect: 'Deny', Action: 'rds:DeleteDBSnapshot', Resource: 'arn:aws:rds:us-east-1:*:snapshot:data-db-snapshot' },
      ],
    };
    applyIntent(match, host(), { type: 'iam', request: { op: 'putInlinePolicy', to: { kind: 'user', name: 'ops' }, name: 'KeepBackups', document } }, 0);
    const result = applyIntent(match, user('ops'), { type: 'delete', target: SNAPSHOT }, 0);
    expect(result).toMatchObject({ ok: false, refusal: { code: 'AccessDenied' } });
    expect(snapshotsOf(world(match).design)).toHaveLength(1);
    expect(match.trail.at(-1)).toMatchObject({ eventName: 'DeleteDBSnapshot', outcome: 'Failure', resource: SNAPSHOT });
    expect(rdsHourly(match)).toBeGreaterThan(0);
  });

  it('refuses a snapshot the account does not have', () => {
    const match = withSnapshot();
    const result = applyIntent(match, host(), { type: 'delete', target: 'account:retained:us-east-1/nope' }, 0);
    expect(result).toMatchObject({ ok: false, refusal: { code: 'unknown-resource' } });
    expect(snapshotsOf(world(match).design)).toHaveLength(1);
  });

  it('a database restored from the snapshot keeps running when the snapshot is deleted', () => {
    const match = withSnapshot();
    const restore = data.replace("DBSubnetGroupName: !Ref Group}", 'DBSubnetGroupName: !Ref Group, DBSnapshotIdentifier: data-db-snapshot}');
    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'again', region: 'us-east-1', template: restore }, 0)).toMatchObject({ ok: true });
    expect(applyIntent(match, host(), { type: 'delete', target: SNAPSHOT }, 0)).toEqual({ ok: true });
    expect(world(match).design.resources.some((r) => r.kind === 'database')).toBe(true);
    // A later deploy of the restored stack does not look for the snapshot again: its database already exists.
    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'again', region: 'us-east-1', template: restore }, 0)).toMatchObject({ ok: true });
  });
});

describe('the delete intent as the room reads it', () => {
  it('names a kept DB snapshot by its holding stack and identifier, and nothing else of that shape', () => {
    const parse = (target: string) => matchIntentSchema.safeParse({ type: 'delete', target }).success;
    expect(parse('account:retained:us-east-1/kept-db-snapshot')).toBe(true);
    expect(parse('web/Instance')).toBe(true);
    expect(parse('account:retained:us-east-1/1-starts-with-a-digit')).toBe(false);
    expect(parse('account:us-east-1/kept-db-snapshot')).toBe(false);
    expect(parse('web/with-dash')).toBe(false);
  });
});
