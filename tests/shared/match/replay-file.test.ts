import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMatch } from '../../../shared/match/create.ts';
import { type MatchSetup } from '../../../shared/match/match.ts';
import { matchReplayOf, openReplayRecord, parseReplayFile, REPLAY_FILE_ERRORS, replayRecordOf, sameMatch, type ReplayRecord } from '../../../shared/match/replay-file.ts';
import { runTick } from '../../../shared/match/tick.ts';
import { exampleDesign, exampleScenario, host } from '../../support/match-fixtures.ts';

const STACK = exampleDesign('alb-asg-multi-az').stacks[0]!.name;

function finishedMatch() {
  const setup: MatchSetup = { mode: 'classroom', scenario: exampleScenario('az-outage'), seed: 11, design: exampleDesign('alb-asg-multi-az'), teams: [{ id: 'red', name: 'Red' }, { id: 'blue', name: 'Blue' }] };
  const match = createMatch(setup);
  const cursor = new Map<string, number>();
  runTick(match, [{ seq: 0, actor: host(null), intent: { type: 'clock', command: 'start' }, wallMs: 1 }], 40, 1, cursor);
  runTick(match, [{ seq: 1, actor: host('red'), intent: { type: 'createResource', stack: STACK, kind: 'bucket', logicalId: 'Site', props: { websiteHosting: true } }, wallMs: 2 }], 40, 2, cursor);
  runTick(match, [{ seq: 2, actor: host(null), intent: { type: 'clock', command: 'end' }, wallMs: 3 }], 0, 3, cursor);
  return match;
}

/** As the server sends it: through JSON (dates as strings, no undefined). */
const overTheWire = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('replay files', () => {
  const match = finishedMatch();
  const rows = [0, 1].map((i) => replayRecordOf(match, 'CMP123', i));
  const exported = overTheWire({ competition: { id: 'c1', name: 'Tuesday class' }, replays: rows.map((r, i) => ({ id: i + 1, recordedAt: '2025-01-01T00:00:00.000Z', initialDesign: r.intentLog.origin.design, ...r })) });

  it("reads a competition's replay.json, a single row, a list of rows and JSON text", () => {
    const file = parseReplayFile(exported);
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(file.file.title).toBe('Tuesday class');
    expect(file.file.replays.map((r) => r.teamIndex)).toEqual([0, 1]);
    expect(sameMatch(file.file.replays[0]!, file.file.replays[1]!)).toBe(true);
    expect(parseReplayFile(overTheWire(rows[1]))).toMatchObject({ ok: true, file: { replays: [{ teamIndex: 1 }] } });
    expect(parseReplayFile(overTheWire([rows[1], rows[0]]))).toMatchObject({ ok: true, file: { replays: [{ teamIndex: 0 }, { teamIndex: 1 }] } });
    expect(parseReplayFile(JSON.stringify(exported))).toMatchObject({ ok: true });
    // A finished room's answer: the log once, each team's recorded end.
    const fromRoom = parseReplayFile(overTheWire(matchReplayOf(match, 'ROOM42', [1, 0])));
    expect(fromRoom).toMatchObject({ ok: true, file: { replays: [{ teamIndex: 0, matchId: 'ROOM42' }, { teamIndex: 1 }] } });
    if (fromRoom.ok) expect(fromRoom.file.replays.map((r) => r.finalStateHash)).toEqual(rows.map((r) => r.finalStateHash));
  });

  it('plays a parsed row to the recorded hash of its team', () => {
    const file = parseReplayFile(exported);
    if (!file.ok) throw new Error(file.error.message);
    for (const row of file.file.replays) {
      const opened = openReplayRecord(row);
      if (!opened.ok) throw new Error(opened.error.message);
      opened.cursor.seek(row.intentLog.finalStep);
      expect(opened.cursor.hash(row.teamIndex)).toBe(row.finalStateHash);
    }
  });

  const broken: [string, string, unknown][] = [
    ['not-json', 'text that is not JSON', '{"replays": [ {"matchId": '],
    ['not-a-replay', 'a number', 42],
    ['not-a-replay', 'an object of another kind', { hello: 'world' }],
    ['no-replays', 'an export with no rows', { competition: {}, replays: [] }],
    ['not-a-replay', 'a row without its log', { ...(overTheWire(rows[0]) as object), intentLog: undefined }],
    ['not-a-replay', 'a hash that is not one', { ...(overTheWire(rows[0]) as object), finalStateHash: 'abc' }],
    ['not-a-replay', 'a team that is not in the match', { ...(overTheWire(rows[0]) as object), teamIndex: 5 }],
    ['not-a-replay', 'an end past the scenario', edit(rows[0]!, (r) => (r.intentLog.finalStep = 10_000_000))],
    ['not-a-replay', 'an input without its actor fields', edit(rows[0]!, (r) => (r.intentLog.inputs[0]!.userIdentity = { nickname: 'x' }))],
    ['bad-scenario', 'a scenario of negative length', edit(rows[0]!, (r) => ((r.intentLog.origin.scenario as { durationS: number }).durationS = -5))],
    ['bad-design', 'a design whose resources are out of place', edit(rows[0]!, (r) => (r.intentLog.origin.design.resources[0]!.id = 99))],
  ];

  it.each(broken)('refuses %s for %s, with a sentence and no exception', (code, _what, input) => {
    const result = parseReplayFile(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toBe(REPLAY_FILE_ERRORS[code as keyof typeof REPLAY_FILE_ERRORS]);
  });

  it('names where a refused file goes wrong', () => {
    const result = parseReplayFile({ replays: [overTheWire(rows[0]), { ...(overTheWire(rows[1]) as object), seed: 'eleven' }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-a-replay', detail: 'replays.1.seed' } });
  });

  it('never throws, whatever it is given (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.json()), (input) => {
        const result = parseReplayFile(input);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a real file with one field damaged (property)', () => {
    const text = JSON.stringify(overTheWire(rows[0]));
    fc.assert(
      fc.property(fc.nat({ max: text.length - 1 }), fc.string({ minLength: 0, maxLength: 3 }), (at, junk) => {
        const damaged = text.slice(0, at) + junk + text.slice(at + junk.length);
        const result = parseReplayFile(damaged);
        if (result.ok) {
          const opened = openReplayRecord(result.file.replays[0]!);
          if (opened.ok) opened.cursor.seek(8);
        }
      }),
      { numRuns: 60 },
    );
  });
});

function edit(row: ReplayRecord, change: (copy: ReplayRecord) => void): unknown {
  const copy = structuredClone(row);
  change(copy);
  return overTheWire(copy);
}
