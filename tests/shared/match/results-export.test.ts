import { describe, expect, it } from 'vitest';
import { createMatch } from '../../../shared/match/create.ts';
import type { MatchIntent } from '../../../shared/match/intents.ts';
import type { Actor } from '../../../shared/match/match.ts';
import { roundDecimals, teamExport } from '../../../shared/match/results-export.ts';
import { studentActivity } from '../../../shared/match/student-activity.ts';
import { rankedOrder, teamRanks } from '../../../shared/match/team-rank.ts';
import { runTick } from '../../../shared/match/tick.ts';
import { exampleDesign, exampleScenario, host } from '../../support/match-fixtures.ts';

// Issue 16 §2: a teacher grades from the exports, so they name the students and what each did (the audit log's
// accepted and refused intents), with figures rounded as a spreadsheet user expects; and every screen ranks the
// teams by the one rule.

const student = (nickname: string, team: string): Actor => ({ nickname, identity: { kind: 'root' }, team, host: false, mfa: true });

describe('studentActivity', () => {
  it("counts each student's accepted and refused intents from the match's log, per team, the host's left out", () => {
    const match = createMatch({ mode: 'classroom', scenario: exampleScenario('az-outage'), seed: 3, design: exampleDesign('single-instance'), teams: [{ id: 'team-1', name: 'Team 1' }, { id: 'team-2', name: 'Team 2' }] });
    const ana = student('Ana', 'team-1');
    const ben = student('Ben', 'team-2');
    const bad: MatchIntent = { type: 'delete', target: 'web/NoSuchThing' };
    const inputs = [
      { actor: ana, intent: bad },
      { actor: ana, intent: bad },
      { actor: ben, intent: bad },
      { actor: host(), intent: { type: 'clock', command: 'start' } as MatchIntent },
    ];
    runTick(match, inputs.map((x, seq) => ({ seq, ...x, wallMs: 0 })), 1, 0, new Map());
    const activity = studentActivity(match.trail);
    expect(activity.get('team-1')).toEqual([{ nickname: 'Ana', made: 0, refused: 2 }]);
    expect(activity.get('team-2')).toEqual([{ nickname: 'Ben', made: 0, refused: 1 }]);
    expect([...activity.keys()].sort()).toEqual(['team-1', 'team-2']);
  });

  it('counts accepted intents as made', () => {
    const trail = [
      { seq: 0, simS: 0, wallMs: 0, team: 't', principal: { type: 'Root' as const, name: 'root' }, eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', params: {}, outcome: 'Success' as const, userIdentity: { nickname: 'Kim', team: 't', host: false } },
      { seq: 1, simS: 0, wallMs: 0, team: 't', principal: { type: 'Root' as const, name: 'root' }, eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', params: {}, outcome: 'Failure' as const, errorCode: 'x', userIdentity: { nickname: 'Kim', team: 't', host: false } },
      // A system event (no userIdentity) is nobody's action.
      { seq: 2, simS: 0, wallMs: 0, team: 't', principal: { type: 'System' as const, name: 'five-nines' }, eventSource: 'autoscaling.amazonaws.com', eventName: 'Launch', params: {}, outcome: 'Success' as const },
    ];
    expect(studentActivity(trail).get('t')).toEqual([{ nickname: 'Kim', made: 1, refused: 1 }]);
  });
});

describe('teamExport', () => {
  const stored = { rank: 2, teamName: 'Team 1', score: 611.6, stars: 1, availability: 0.99953, latencyP95Ms: 80.4, costUsd: 12.345, revenueUsd: 100.1, firstFailure: null };

  it('rounds availability to a percentage with three decimals, money to cents, score and latency to units', () => {
    expect(teamExport(stored, [], [])).toMatchObject({ rank: 2, team: 'Team 1', score: 612, availabilityPct: 99.953, p95Ms: 80, costUsd: 12.35, revenueUsd: 100.1, members: [] });
  });

  it('lists the seated students in joining order with their counts, then anyone who acted and left', () => {
    const members = teamExport(stored, ['Ana', 'Ben', 'Ana'], [{ nickname: 'Cy', made: 2, refused: 0 }, { nickname: 'Ben', made: 5, refused: 1 }]).members;
    expect(members).toEqual([
      { nickname: 'Ana', actions: 0, refused: 0 },
      { nickname: 'Ben', actions: 5, refused: 1 },
      { nickname: 'Cy', actions: 2, refused: 0 },
    ]);
  });

  it('rounds half away from zero without binary noise', () => {
    expect(roundDecimals(1.005, 2)).toBe(1.01);
    expect(roundDecimals(-1.005, 2)).toBe(-1.01);
    expect(roundDecimals(99.9995, 3)).toBe(100);
    expect(roundDecimals(Number.NaN, 2)).toBe(0);
  });
});

describe('teamRanks', () => {
  it('ranks the higher score first and lets ties share a rank (1, 2, 2, 4), as the stored results do', () => {
    const teams = [{ id: 'a', score: 300 }, { id: 'b', score: 800 }, { id: 'c', score: 300 }, { id: 'd', score: 100 }];
    expect(Object.fromEntries(teamRanks(teams))).toEqual({ b: 1, a: 2, c: 2, d: 4 });
    expect(rankedOrder(teams).map((t) => t.id)).toEqual(['b', 'a', 'c', 'd']);
  });
});
