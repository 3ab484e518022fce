import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import {
  getPersonalBest,
  listPersonalBests,
  recordPersonalBest,
} from '../../../server/persistence/queries/personal-bests.ts';
import { describeOnBothDatabases } from './backends.ts';

const browser = (): string => randomBytes(16).toString('base64url');

describeOnBothDatabases('personal bests', (db) => {
  it('start with the first run', async () => {
    const playerKey = browser();
    const at = new Date('2026-11-01T10:00:00.000Z');
    const first = await recordPersonalBest(db(), { playerKey, scenarioId: 'az-outage', score: 420, stars: 1, achievedAt: at });
    expect(first).toEqual({
      improved: true,
      best: { playerKey, scenarioId: 'az-outage', bestScore: 420, stars: 1, achievedAt: at },
    });
  });

  it('keep the best: a worse run changes nothing, a better one replaces it', async () => {
    const playerKey = browser();
    const run = (score: number, stars: number) =>
      recordPersonalBest(db(), { playerKey, scenarioId: 'region-outage', score, stars });
    await run(600, 2);
    const worse = await run(350, 0);
    expect(worse).toMatchObject({ improved: false, best: { bestScore: 600, stars: 2 } });
    const sameScoreMoreStars = await run(600, 3);
    expect(sameScoreMoreStars).toMatchObject({ improved: true, best: { bestScore: 600, stars: 3 } });
    const sameAgain = await run(600, 3);
    expect(sameAgain?.improved).toBe(false);
    const better = await run(845.5, 3);
    expect(better).toMatchObject({ improved: true, best: { bestScore: 845.5 } });
    expect(await getPersonalBest(db(), playerKey, 'region-outage')).toMatchObject({ bestScore: 845.5, stars: 3 });
  });

  it('keep the best when runs finish at the same moment', async () => {
    const playerKey = browser();
    const scores = [310, 990, 120, 640, 875, 50, 700, 400];
    await Promise.all(
      scores.map((score) => recordPersonalBest(db(), { playerKey, scenarioId: 'flash-crowd', score, stars: 1 })),
    );
    expect((await getPersonalBest(db(), playerKey, 'flash-crowd'))?.bestScore).toBe(990);
  });

  it('report the stored best when a better run commits while this one is being written', async () => {
    const playerKey = browser();
    let pending: ReturnType<typeof recordPersonalBest> | undefined;
    await db().transaction(async (tx) => {
      await tx.query(
        `INSERT INTO personal_bests (player_key, scenario_id, best_score, stars) VALUES ($1, 'race', 990, 3)`,
        [playerKey],
      );
      // Starts before the insert commits: on PostgreSQL it waits on the row, on PGlite behind the transaction.
      pending = recordPersonalBest(db(), { playerKey, scenarioId: 'race', score: 10, stars: 0 });
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    expect(await pending).toMatchObject({ improved: false, best: { bestScore: 990, stars: 3 } });
  });

  it('are kept per browser and per scenario', async () => {
    const [me, you] = [browser(), browser()];
    await recordPersonalBest(db(), { playerKey: me, scenarioId: 'b-scenario', score: 10, stars: 0 });
    await recordPersonalBest(db(), { playerKey: me, scenarioId: 'a-scenario', score: 20, stars: 0 });
    await recordPersonalBest(db(), { playerKey: you, scenarioId: 'a-scenario', score: 999, stars: 3 });
    expect((await listPersonalBests(db(), me)).map((b) => [b.scenarioId, b.bestScore])).toEqual([
      ['a-scenario', 20],
      ['b-scenario', 10],
    ]);
  });

  it('answer nothing, without an error, for unknown or malformed keys', async () => {
    expect(await getPersonalBest(db(), browser(), 'az-outage')).toBeUndefined();
    expect(await listPersonalBests(db(), browser())).toEqual([]);
    expect(await listPersonalBests(db(), '')).toEqual([]);
    expect(await recordPersonalBest(db(), { playerKey: '', scenarioId: 's', score: 1, stars: 0 })).toBeUndefined();
    expect(await recordPersonalBest(db(), { playerKey: 'k'.repeat(129), scenarioId: 's', score: 1, stars: 0 })).toBeUndefined();
    expect(await recordPersonalBest(db(), { playerKey: browser(), scenarioId: 's', score: Number.NaN, stars: 0 })).toBeUndefined();
  });
});
