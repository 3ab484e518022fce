import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refOf } from '../../../shared/design/edits.ts';
import { checkDesignShape } from '../../../shared/design/schema.ts';
import { applyIntent } from '../../../shared/match/apply.ts';
import { parseMatchIntent, RESOURCE_KINDS } from '../../../shared/match/intents.ts';
import type { Actor } from '../../../shared/match/match.ts';
import { hashWorld } from '../../../shared/sim/hash.ts';
import { host, testMatch, user } from '../../support/match-fixtures.ts';

// Thousands of random and mutated intents against the rules: nothing throws, every design stays valid under
// the shared schema, and a refused intent changes nothing but the audit log.

const match0 = testMatch();
const refs = match0.teams[0]!.world.design.resources.map((r) => refOf(match0.teams[0]!.world.design, r));
const ref = fc.oneof(fc.constantFrom(...refs), fc.string({ maxLength: 30 }), fc.constant('web/Nope'));
const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), ref, fc.integer({ min: -5, max: 5000 }));
const props = fc.dictionary(fc.constantFrom('cidr', 'subnet', 'subnets', 'instanceType', 'min', 'max', 'desired', 'multiAz', 'zone', 'vpc', 'targets', 'websiteHosting', 'policy', 'ttlS', 'x'), value, { maxKeys: 5 });

const shaped = fc.oneof(
  fc.record({ type: fc.constant('createResource'), stack: fc.constantFrom('web', 'other', 'Bad Name'), kind: fc.constantFrom(...RESOURCE_KINDS), props }),
  fc.record({ type: fc.constant('place'), entry: fc.constantFrom('vpc', 'instance', 'alarm', 'nope'), target: fc.record({ region: fc.constantFrom('us-east-1', 'mars-1'), vpc: ref, piece: ref }, { requiredKeys: [] }), settings: fc.option(props, { nil: undefined }) }),
  fc.record({ type: fc.constant('remove'), ref }),
  fc.record({ type: fc.constant('undo') }),
  fc.record({ type: fc.constant('configure'), target: ref, props }),
  fc.record({ type: fc.constant('move'), target: ref, position: fc.record({ x: fc.double(), y: fc.double() }) }),
  fc.record({ type: fc.constantFrom('connect', 'disconnect'), from: ref, to: ref }),
  fc.record({ type: fc.constant('delete'), target: ref }),
  fc.record({ type: fc.constant('createStack'), stack: fc.string({ maxLength: 12 }), region: fc.constantFrom('us-east-1', 'eu-west-1', 'mars-1') }),
  fc.record({ type: fc.constant('deployStack'), stack: fc.constantFrom('web', 'extra'), region: fc.constant('us-east-1'), template: fc.oneof(fc.string({ maxLength: 200 }), fc.constant('Resources:\n  B:\n    Type: AWS::S3::Bucket\n'), fc.constant('Resources:\n  S:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Nope\n')) }),
  fc.record({ type: fc.constant('deleteStack'), stack: fc.constantFrom('web', 'extra', 'zzz') }),
  fc.record({ type: fc.constantFrom('setDesiredCapacity'), target: ref, desired: fc.integer({ min: -3, max: 2000 }) }),
  fc.record({ type: fc.constantFrom('promoteReplica', 'reboot'), target: ref }),
  fc.record({ type: fc.constant('modifyDbClass'), target: ref, instanceClass: fc.constantFrom('db.r6g.xlarge', 'db.nope', '') }),
  fc.record({ type: fc.constant('clock'), command: fc.constantFrom('start', 'pause', 'resume', 'end', 'explode') }),
  fc.record({ type: fc.constant('speed'), speed: fc.integer({ min: -1, max: 10 }) }),
  fc.record({ type: fc.constant('iam'), request: fc.oneof(
    fc.record({ op: fc.constantFrom('createUser', 'deleteUser', 'createGroup', 'deleteGroup'), name: fc.string({ maxLength: 10 }) }),
    fc.record({ op: fc.constant('addToGroup'), member: fc.oneof(fc.string({ maxLength: 6 }), fc.record({ kind: fc.constantFrom('user', 'group', 'role'), name: fc.string({ maxLength: 6 }) })), group: fc.constantFrom('Builders', 'x') }),
    fc.record({ op: fc.constant('attachPolicy'), to: fc.record({ kind: fc.constantFrom('user', 'group', 'role'), name: fc.constantFrom('ana', 'Builders') }), policy: fc.record({ kind: fc.constantFrom('managed', 'customer'), name: fc.constantFrom('AdministratorAccess', 'ReadOnlyAccess', 'Nope') }) }),
  ) }),
);
/** Shaped intents with a field knocked out or replaced: the edge must catch them. */
const mutated = fc.tuple(shaped, fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 })).map(([intent, key, v]) => ({ ...intent, [key]: v }));
const payload = fc.oneof(shaped, shaped, mutated, fc.jsonValue({ maxDepth: 3 }), fc.anything({ maxDepth: 2 }));
const actor = fc.constantFrom<Actor>(host('red'), user('ana', 'red'), host(null), user('eve', null));

describe('fuzzed intents', () => {
  it('never throw, keep every design valid, and change nothing when refused', () => {
    let applied = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(actor, payload), { minLength: 5, maxLength: 25 }), (steps) => {
        const match = testMatch();
        applyIntent(match, host(), { type: 'iam', request: { op: 'createUser', name: 'ana' } }, 0);
        applyIntent(match, host(), { type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: 'ana' }, policy: { kind: 'managed', name: 'PowerUserAccess' } } }, 0);
        for (const [who, raw] of steps) {
          const parsed = parseMatchIntent(raw);
          if (!parsed.ok) {
            expect(parsed.refusal.message.length).toBeGreaterThan(0);
            continue;
          }
          const world = match.teams[0]!.world;
          const before = { hash: hashWorld(world), directory: JSON.stringify(match.directory), clock: JSON.stringify(match.clock), trail: match.trail.length };
          const result = applyIntent(match, who, parsed.intent, 0);
          // A refusal is one entry (a refused deploy adds its stack's rollback events); an accepted gesture one per API call it made.
          if (result.ok) expect(match.trail.length).toBeGreaterThan(before.trail);
          else {
            const added = match.trail.slice(before.trail);
            expect(added[0]!.outcome).toBe('Failure');
            const rollback = added.slice(1);
            expect(rollback.every((e) => parsed.intent.type === 'deployStack' && e.eventName === 'StackEvent' && !e.userIdentity)).toBe(true);
          }
          expect(checkDesignShape(match.teams[0]!.world.design).ok).toBe(true);
          if (result.ok) applied++;
          else {
            refused++;
            expect(result.refusal?.code.length).toBeGreaterThan(0);
            expect(hashWorld(match.teams[0]!.world)).toBe(before.hash);
            expect(JSON.stringify(match.directory)).toBe(before.directory);
            expect(JSON.stringify(match.clock)).toBe(before.clock);
          }
        }
      }),
      // A fixed seed keeps the counts below stable; the generators still draw thousands of intents.
      { numRuns: 150, seed: 20261127 },
    );
    // The generators must reach both outcomes, or the property says little.
    expect(applied).toBeGreaterThan(40);
    expect(refused).toBeGreaterThan(200);
  }, 120_000);
});
