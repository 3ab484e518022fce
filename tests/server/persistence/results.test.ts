import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createCompetition } from '../../../server/persistence/queries/competitions.ts';
import { getResult, listResults, saveResult, type TeamResult } from '../../../server/persistence/queries/results.ts';
import { saveReplay } from '../../../server/persistence/queries/replays.ts';
import { createTeams, listTeams, seatPlayer } from '../../../server/persistence/queries/teams.ts';
import { competitionExport } from '../../../server/competitions/results-export.ts';
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

  it('turn into CSV, one line per student with what each did (the logged inputs), teams without students on one line', async () => {
    const id = await competition(['=cmd|calc', 'Plain']);
    await saveResult(db(), id, 0, result(450, { firstFailure: 'lb, then "db"' }));
    await saveResult(db(), id, 1, result(650));
    const [first] = await listTeams(db(), id);
    await seatPlayer(db(), first!.id, '지민', 'session-a');
    await seatPlayer(db(), first!.id, 'Ben', 'session-b');
    // The match's inputs as the replay keeps them: 지민 acted twice, once refused; the host's start is nobody's.
    const input = (seq: number, nickname: string, team: string | null, outcome: 'Success' | 'Failure', host = false) => ({
      seq, simS: 0, wallMs: 0, team, principal: { type: 'Root', name: 'root' }, eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', params: {}, outcome,
      userIdentity: { nickname, team, host },
    });
    await saveReplay(db(), {
      matchId: id, teamIndex: 0, seed: 1, scenarioId: 'az-outage', initialDesign: {}, finalStateHash: 'h', recordedScore: 450,
      intentLog: { origin: { teams: [{ id: 'team-1' }, { id: 'team-2' }] }, inputs: [input(0, 'Teacher', null, 'Success', true), input(1, '지민', 'team-1', 'Success'), input(2, '지민', 'team-1', 'Failure')] },
    });
    const csv = resultsToCsv((await competitionExport(db(), id)).teams, { bom: false });
    expect(csv.split('\r\n')).toEqual([
      'rank,team,score,stars,availability %,p95 ms,cost USD,revenue USD,first failure,student,actions,refused',
      '1,Plain,650,2,99.950,123,1234.50,9876.25,,,,',
      `2,'=cmd|calc,450,1,99.950,123,1234.50,9876.25,"lb, then ""db""",지민,1,1`,
      `2,'=cmd|calc,450,1,99.950,123,1234.50,9876.25,"lb, then ""db""",Ben,0,0`,
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
