// The timeline as codes and values through a world's hash and its snapshots: the hash reads every value (through
// the entry's English sentence), a snapshot carries entries as they are, and a snapshot from before the codes
// (sentences) or with an unknown code is refused whole.

import { describe, expect, it } from 'vitest';
import { hashWorld, snapshotWorld, tryRestoreWorld, type WorldSnapshot } from '../../../shared/sim/hash.ts';
import { timelineSentence } from '../../../shared/sim/timeline-text.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import { scenario, webTier } from './builders.ts';
import { runUntil } from './probes.ts';

function outageWorld() {
  const world = createWorld(webTier().b.design, scenario({ events: [{ type: 'az-outage', atS: 600, durationS: 600, params: { zone: 'us-east-1b' } }] }), 1);
  runUntil(world, 1500);
  return world;
}

describe('the timeline in hashes and snapshots', () => {
  it('writes codes and values, and says the same English it always did', () => {
    const world = outageWorld();
    const dark = world.timeline.find((e) => e.code === 'azDark')!;
    expect(dark).toEqual({ tS: 600, kind: 'event', code: 'azDark', values: { zone: 'us-east-1b' } });
    expect(timelineSentence(dark)).toBe('availability zone us-east-1b goes dark');
    const over = world.timeline.find((e) => e.code === 'azDarkOver')!;
    expect(timelineSentence(over)).toBe('over: availability zone us-east-1b goes dark');
    expect(world.timeline.find((e) => e.code === 'zoneDown')).toMatchObject({ kind: 'failure', values: { zone: 'us-east-1b' } });
  });

  it('hashes every value of every entry', () => {
    const world = outageWorld();
    const before = hashWorld(world);
    const entry = world.timeline.find((e) => e.code === 'zoneDown')!;
    entry.values = { zone: 'us-east-1c' };
    expect(hashWorld(world)).not.toBe(before);
    entry.values = { zone: 'us-east-1b' };
    expect(hashWorld(world)).toBe(before);
  });

  it('carries the entries through a snapshot as JSON, and refuses sentences or unknown codes', () => {
    const world = outageWorld();
    const snapshot = JSON.parse(JSON.stringify(snapshotWorld(world))) as WorldSnapshot;
    expect(snapshot.version).toBe(2);
    const restored = tryRestoreWorld(snapshot);
    if (!restored.ok) throw new Error(restored.message);
    expect(restored.world.timeline).toEqual(world.timeline);
    expect(hashWorld(restored.world)).toBe(hashWorld(world));

    const sentences = { ...snapshot, version: 1, timeline: world.timeline.map((e) => ({ tS: e.tS, kind: e.kind, message: timelineSentence(e) })) };
    expect(tryRestoreWorld(sentences as unknown as WorldSnapshot)).toMatchObject({ ok: false, code: 'snapshot-invalid' });
    expect(tryRestoreWorld({ ...sentences, version: 2 } as unknown as WorldSnapshot)).toMatchObject({ ok: false, code: 'snapshot-invalid' });
    const unknown = { ...snapshot, timeline: [...snapshot.timeline, { tS: 1500, kind: 'event', code: 'somethingNew', values: {} }] };
    expect(tryRestoreWorld(unknown as unknown as WorldSnapshot)).toMatchObject({ ok: false, code: 'snapshot-invalid' });
  });
});
