import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/design/canonical.ts';
import { refOf } from '../../../shared/design/edits.ts';
import type { Design } from '../../../shared/design/model.ts';
import { ENTRY_IDS } from '../../../shared/design/plans/palette.ts';
import { fingerprintOf } from '../../../shared/design/plans/inverse.ts';
import { checkDesignShape } from '../../../shared/design/schema.ts';
import { REGIONS, zonesOf } from '../../../shared/geography/regions.ts';
import { applyIntent } from '../../../shared/match/apply.ts';
import { parseMatchIntent } from '../../../shared/match/intents.ts';
import type { Actor, Match } from '../../../shared/match/match.ts';
import { matchFingerprint, replayMatch } from '../../../shared/match/replay.ts';
import { checkDesign } from '../../../shared/template/design-checks.ts';
import { runTick, type TimelineCursor } from '../../../shared/match/tick.ts';
import { host, testMatch, user } from '../../support/match-fixtures.ts';

// Random sequences of player gestures (palette entries dropped on random places, removes, connects,
// disconnects, moves and undos by two players of one team) against the shared rules. After every gesture the
// design is valid by the design schema and free of rule errors; a refused gesture changes nothing but adds
// its one refusal entry to CloudTrail; an accepted one logs one entry per API call, exactly one of which is
// the input a replay applies again; an undo touches only what its player's last gesture touched and puts each
// of those back exactly as it was; and the log replays to the same worlds.

type Command =
  | { type: 'place'; entry: string; pick: number; settings: boolean }
  | { type: 'remove'; pick: number }
  | { type: 'connect' | 'disconnect'; a: number; b: number }
  | { type: 'move'; pick: number }
  | { type: 'undo' };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant('place' as const), entry: fc.constantFrom(...ENTRY_IDS, 'vpc', 'vpc', 'loadBalancer', 'autoScalingGroup'), pick: fc.nat(), settings: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('remove' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constantFrom('connect' as const, 'disconnect' as const), a: fc.nat(), b: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('move' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.constant({ type: 'undo' as const }) },
);

const players: Actor[] = [host('red'), user('ana', 'red')];

function setUp(): Match {
  const match = testMatch();
  applyIntent(match, host(), { type: 'iam', request: { op: 'createUser', name: 'ana' } }, 0);
  applyIntent(match, host(), { type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: 'ana' }, policy: { kind: 'managed', name: 'PowerUserAccess' } } }, 0);
  return match;
}

const refsOf = (d: Design): string[] => d.resources.map((r) => refOf(d, r));

/** Every place a palette entry could be dropped on this design, and a few it could not. */
function targetsOf(d: Design): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [{ global: true }, { vpc: 'nowhere/Vpc1' }, { piece: 'nowhere/Nope1' }, {}];
  for (const r of REGIONS.slice(0, 2)) out.push({ region: r.code });
  for (const r of d.resources) {
    const ref = refOf(d, r);
    const region = d.stacks[r.stack]!.region;
    if (r.kind === 'vpc') {
      out.push({ vpc: ref, region });
      for (const zone of zonesOf(region).slice(0, 2)) out.push({ vpc: ref, zone, region });
    } else if (r.kind === 'subnet') out.push({ subnet: ref, vpc: refOf(d, d.resources[r.props.vpc]!), zone: r.props.zone, region });
    else out.push({ piece: ref });
  }
  return out;
}

function gestureOf(c: Command, d: Design): unknown {
  const refs = refsOf(d);
  const at = (n: number) => refs[n % Math.max(1, refs.length)] ?? 'nowhere/Nope1';
  switch (c.type) {
    case 'place': {
      const targets = targetsOf(d);
      return { type: 'place', entry: c.entry, target: targets[c.pick % targets.length], ...(c.settings ? { settings: { desired: 3 } } : {}) };
    }
    case 'remove':
      return { type: 'remove', ref: at(c.pick) };
    case 'connect':
    case 'disconnect':
      return { type: c.type, from: at(c.a), to: at(c.b) };
    case 'move':
      return { type: 'move', target: at(c.pick), position: { x: c.pick % 500, y: 40 } };
    case 'undo':
      return { type: 'undo' };
  }
}

/** Each resource's fingerprint by name: what a gesture touched is what differs. */
function prints(d: Design): Map<string, string> {
  return new Map(refsOf(d).map((ref) => [ref, fingerprintOf(d, ref)!]));
}

function touched(before: Map<string, string>, after: Map<string, string>): Set<string> {
  const out = new Set<string>();
  for (const [ref, p] of before) if (after.get(ref) !== p) out.add(ref);
  for (const ref of after.keys()) if (!before.has(ref)) out.add(ref);
  return out;
}

describe('gestures', () => {
  it('leave a valid design, change nothing when refused, log one entry per call, and undo only their own', () => {
    let applied = 0;
    let refused = 0;
    let undone = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 1 }), command), { minLength: 4, maxLength: 22 }), (steps) => {
        const match = setUp();
        const team = match.teams[0]!;
        /** Per player, what each undoable gesture touched and how it found each of those. */
        const history = new Map<string, { refs: Set<string>; was: Map<string, string> }[]>();
        for (const [who, c] of steps) {
          const actor = players[who]!;
          const design = team.world.design;
          const parsed = parseMatchIntent(gestureOf(c, design));
          expect(parsed.ok).toBe(true);
          if (!parsed.ok) continue;
          const before = { design, text: canonicalJson(design), trail: match.trail.length, undo: canonicalJson(team.undo ?? []), prints: prints(design) };
          const result = applyIntent(match, actor, parsed.intent, 0);
          const after = team.world.design;
          const entries = match.trail.slice(before.trail);
          expect(checkDesignShape(after).ok).toBe(true);
          expect(checkDesign(after).filter((i) => i.severity === 'error')).toEqual([]);
          if (!result.ok) {
            refused++;
            expect(after).toBe(before.design);
            expect(canonicalJson(after)).toBe(before.text);
            expect(canonicalJson(team.undo ?? [])).toBe(before.undo);
            expect(entries).toHaveLength(1);
            expect(entries[0]).toMatchObject({ outcome: 'Failure', errorCode: result.refusal!.code });
            continue;
          }
          applied++;
          expect(entries.length).toBeGreaterThan(0);
          expect(entries.every((e) => e.outcome === 'Success')).toBe(true);
          expect(entries.filter((e) => e.userIdentity)).toHaveLength(1);
          const changed = touched(before.prints, prints(after));
          const mine = history.get(actor.nickname) ?? [];
          history.set(actor.nickname, mine);
          if (parsed.intent.type === 'undo') {
            undone++;
            const last = mine.pop();
            expect(last).toBeDefined();
            // Only what the undone gesture touched, each back exactly as that gesture found it.
            for (const ref of changed) expect(last!.refs.has(ref)).toBe(true);
            for (const ref of last!.refs) expect(fingerprintOf(after, ref) ?? undefined).toBe(last!.was.get(ref));
          } else if (changed.size > 0) {
            mine.push({ refs: changed, was: before.prints });
          }
        }
        // The log replays to the same worlds: one input per gesture.
        expect(matchFingerprint(replayMatch(match.origin, match.trail, match.clock.step))).toEqual(matchFingerprint(match));
      }),
      { numRuns: 60, seed: 20261204 },
    );
    expect(applied).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(50);
    expect(undone).toBeGreaterThan(10);
  }, 240_000);

  it('applied in ticks of several, with the clock running, replay exactly from the log', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(fc.tuple(fc.nat({ max: 1 }), command), { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 6 })), { minLength: 2, maxLength: 8 }), (ticks) => {
        const match = setUp();
        const cursor: TimelineCursor = new Map();
        runTick(match, [{ seq: 0, actor: host(), intent: { type: 'clock', command: 'start' }, wallMs: 0 }], 3, 0, cursor);
        let seq = 1;
        for (const [gestures, steps] of ticks) {
          // Each gesture is drawn against the design as the tick starts: later ones may find it changed.
          const design = match.teams[0]!.world.design;
          const queue = gestures.flatMap(([who, c]) => {
            const parsed = parseMatchIntent(gestureOf(c, design));
            return parsed.ok ? [{ seq: seq++, actor: players[who]!, intent: parsed.intent, wallMs: 0 }] : [];
          });
          runTick(match, queue, steps, 0, cursor);
          expect(checkDesignShape(match.teams[0]!.world.design).ok).toBe(true);
          expect(checkDesign(match.teams[0]!.world.design).filter((i) => i.severity === 'error')).toEqual([]);
        }
        expect(matchFingerprint(replayMatch(match.origin, match.trail, match.clock.step))).toEqual(matchFingerprint(match));
      }),
      { numRuns: 25, seed: 20261205 },
    );
  }, 240_000);
});
