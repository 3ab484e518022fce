import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createCompetition } from '../../../server/persistence/queries/competitions.ts';
import { getResult, listResults, saveResult, type TeamResult } from '../../../server/persistence/queries/results.ts';
import { createTeams } from '../../../server/persistence/queries/teams.ts';
import { resultsToCsv } from '../../../server/persistence/results-csv.ts';
import { describeOnBothDatabases } from './backends.ts';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

function result(score: number, extra: Partial<TeamResult> = {}): TeamResult {
  return {
    score,
    stars: score >= 800 ? 3 : score >= 600 ? 2 : score >= 400 ? 1 : 0,
    availability: 0.9995,
    latencyP95Ms: 123.4,
    costUsd: 1234.5,
    revenueUsd: 9876.25,
    objectives: [{ id: 'availability', met: true }],
    firstFailure: null,
    design: { components: [{ id: 'c1', kind: 'instance', zone: 'us-east-1a' }], connections: [] },
    availabilitySeries: [
      [0, 1],
      [60, 0.98],
    ],
    ...extra,
  };
}

describeOnBothDatabases('results', (db) => {
  async function competition(teams: string[]): Promise<string> {
    const created = await createCompetition(db(), {
      joinCode: randomBytes(4).toString('hex'),
      scenarioId: 'az-outage',
      seed: 1,
      settings: { teamCount: teams.length, teamSize: 3, buildTimeS: 0, speed: 1 },
    });
    if (!created.ok) throw new Error(created.code);
    await createTeams(db(), created.competition.id, teams);
    return created.competition.id;
  }

  it('are stored per team with their JSON intact, and read back', async () => {
    const id = await competition(['Red']);
    const saved = result(812.5, { firstFailure: 'db-1 ran out of connections at 00:12:30' });
    expect(await saveResult(db(), id, 0, saved)).toBe(true);
    const read = await getResult(db(), id, 0);
    expect(read).toMatchObject({ ...saved, teamIndex: 0, teamName: 'Red' });
    expect(read!.recordedAt).toBeInstanceOf(Date);
  });

  it('are one per team: saving again replaces the first', async () => {
    const id = await competition(['Red']);
    await saveResult(db(), id, 0, result(100));
    await saveResult(db(), id, 0, result(700));
    const rows = await listResults(db(), id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.score).toBe(700);
  });

  it('are ranked best first, equal scores sharing a rank', async () => {
    const id = await competition(['A', 'B', 'C', 'D']);
    await saveResult(db(), id, 0, result(500));
    await saveResult(db(), id, 1, result(900));
    await saveResult(db(), id, 2, result(500));
    await saveResult(db(), id, 3, result(100));
    const rows = await listResults(db(), id);
    expect(rows.map((r) => [r.rank, r.teamName, r.score])).toEqual([
      [1, 'B', 900],
      [2, 'A', 500],
      [2, 'C', 500],
      [4, 'D', 100],
    ]);
  });

  it('turn into CSV, one line per team', async () => {
    const id = await competition(['=cmd|calc', 'Plain']);
    await saveResult(db(), id, 0, result(450, { firstFailure: 'lb, then "db"' }));
    await saveResult(db(), id, 1, result(650));
    const csv = resultsToCsv(await listResults(db(), id));
    expect(csv.split('\r\n')).toEqual([
      'rank,team,score,stars,availability,p95 ms,cost USD,revenue USD,first failure',
      '1,Plain,650,2,0.9995,123.4,1234.50,9876.25,',
      `2,'=cmd|calc,450,1,0.9995,123.4,1234.50,9876.25,"lb, then ""db"""`,
      '',
    ]);
  });

  it('answer nothing, without an error, for an unknown competition or team', async () => {
    const id = await competition(['Only']);
    expect(await saveResult(db(), id, 5, result(1))).toBe(false);
    expect(await saveResult(db(), UNKNOWN_ID, 0, result(1))).toBe(false);
    expect(await saveResult(db(), 'garbage', 0, result(1))).toBe(false);
    expect(await listResults(db(), UNKNOWN_ID)).toEqual([]);
    expect(await listResults(db(), 'garbage')).toEqual([]);
    expect(await getResult(db(), id, 0)).toBeUndefined();
    expect(await getResult(db(), id, Number.NaN)).toBeUndefined();
  });

  it('refuse JSON that cannot be stored instead of writing null', async () => {
    const id = await competition(['Red']);
    await expect(saveResult(db(), id, 0, result(1, { design: undefined }))).rejects.toThrow(/design is not JSON/);
  });
});
