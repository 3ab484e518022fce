import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import {
  deleteCheckpoint,
  getCheckpoint,
  listCheckpoints,
  saveCheckpoint,
} from '../../../server/persistence/queries/checkpoints.ts';
import { getReplay, listReplays, saveReplay, type ReplayInput } from '../../../server/persistence/queries/replays.ts';
import { describeOnBothDatabases } from './backends.ts';

const room = (): string => `room-${randomBytes(4).toString('hex')}`;

function replay(matchId: string, teamIndex: number, score: number): ReplayInput {
  return {
    matchId,
    teamIndex,
    seed: 0xdeadbeef,
    scenarioId: 'region-outage',
    initialDesign: { components: [{ id: 'lb', kind: 'load-balancer', zone: 'eu-west-1a' }] },
    intentLog: [
      { atS: 12.5, player: 'ada', intent: { type: 'place', component: 'instance', zone: 'eu-west-1b' } },
      { atS: 30, player: 'grace', intent: { type: 'remove', id: 'c7' } },
    ],
    finalStateHash: `sha256:${'ab'.repeat(32)}`,
    recordedScore: score,
  };
}

describeOnBothDatabases('replays', (db) => {
  it('are stored per team of a match and read back whole', async () => {
    const id = room();
    const first = replay(id, 0, 610);
    const replayId = await saveReplay(db(), first);
    await saveReplay(db(), replay(id, 1, 420));
    const read = await getReplay(db(), id, 0);
    expect(read).toMatchObject({ ...first, id: replayId });
    expect(read!.recordedAt).toBeInstanceOf(Date);
    const list = await listReplays(db(), id);
    expect(list.map((r) => [r.teamIndex, r.recordedScore])).toEqual([
      [0, 610],
      [1, 420],
    ]);
    expect(list[0]).not.toHaveProperty('intentLog');
  });

  it('replace the earlier replay of the same team', async () => {
    const id = room();
    const firstId = await saveReplay(db(), replay(id, 0, 100));
    const secondId = await saveReplay(db(), { ...replay(id, 0, 200), intentLog: [] });
    expect(secondId).toBe(firstId);
    expect(await getReplay(db(), id, 0)).toMatchObject({ recordedScore: 200, intentLog: [] });
  });

  it('default to team 0 for solo play', async () => {
    const id = room();
    const { teamIndex: _, ...solo } = replay(id, 0, 5);
    await saveReplay(db(), solo);
    expect((await getReplay(db(), id))?.recordedScore).toBe(5);
  });

  it('answer nothing, without an error, for an unknown match or team', async () => {
    expect(await getReplay(db(), 'no-such-room')).toBeUndefined();
    expect(await getReplay(db(), room(), -1)).toBeUndefined();
    expect(await getReplay(db(), '')).toBeUndefined();
    expect(await listReplays(db(), 'no-such-room')).toEqual([]);
  });
});

describeOnBothDatabases('checkpoints', (db) => {
  it('keep the latest snapshot of a room', async () => {
    const id = room();
    expect(await saveCheckpoint(db(), id, { tick: 1, teams: [] }, 10)).toBe(true);
    expect(await saveCheckpoint(db(), id, { tick: 2, teams: [{ cash: 5 }] }, 20)).toBe(true);
    const read = await getCheckpoint(db(), id);
    expect(read).toMatchObject({ roomId: id, snapshot: { tick: 2, teams: [{ cash: 5 }] }, logPosition: 20 });
    expect(read!.updatedAt).toBeInstanceOf(Date);
    expect((await db().query('SELECT room_id FROM checkpoints WHERE room_id = $1', [id])).length).toBe(1);
  });

  it('refuse a snapshot older than the stored one', async () => {
    const id = room();
    await saveCheckpoint(db(), id, { tick: 5 }, 50);
    expect(await saveCheckpoint(db(), id, { tick: 4 }, 40)).toBe(false);
    expect((await getCheckpoint(db(), id))?.snapshot).toEqual({ tick: 5 });
    expect(await saveCheckpoint(db(), id, { tick: 5, again: true }, 50)).toBe(true);
  });

  it('are listed for restoring after a restart, and deleted when the match finishes', async () => {
    const [a, b] = [room(), room()];
    await saveCheckpoint(db(), a, { n: 'a' }, 1);
    await saveCheckpoint(db(), b, { n: 'b' }, 2);
    const rooms = (await listCheckpoints(db())).map((c) => c.roomId);
    expect(rooms).toEqual(expect.arrayContaining([a, b]));
    expect(await deleteCheckpoint(db(), a)).toBe(true);
    expect(await deleteCheckpoint(db(), a)).toBe(false);
    expect(await getCheckpoint(db(), a)).toBeUndefined();
    expect(await getCheckpoint(db(), b)).toBeDefined();
  });

  it('answer nothing, without an error, for bad input', async () => {
    expect(await getCheckpoint(db(), 'no-such-room')).toBeUndefined();
    expect(await saveCheckpoint(db(), '', {}, 1)).toBe(false);
    expect(await saveCheckpoint(db(), room(), {}, -1)).toBe(false);
    expect(await saveCheckpoint(db(), room(), {}, 1.5)).toBe(false);
    expect(await deleteCheckpoint(db(), 'no-such-room')).toBe(false);
  });
});
