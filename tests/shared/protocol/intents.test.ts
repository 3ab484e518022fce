import { describe, expect, it } from 'vitest';
import { MAX_INTENT_BYTES } from '../../../shared/protocol/messages.ts';
import { parseIntent } from '../../../shared/protocol/intents.ts';

describe('parseIntent', () => {
  it('accepts a place intent and a remove intent', () => {
    expect(parseIntent({ type: 'place', component: 'instance', zone: 'us-east-1a' })).toEqual({
      ok: true,
      intent: { type: 'place', component: 'instance', zone: 'us-east-1a' },
    });
    expect(parseIntent({ type: 'remove', id: 'c1' })).toMatchObject({ ok: true });
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['a string', 'place'],
    ['an array', [{ type: 'place' }]],
    ['an object without type', { component: 'instance' }],
    ['a type that is not a string', { type: 7 }],
  ])('refuses %s as malformed', (_, payload) => {
    expect(parseIntent(payload)).toMatchObject({ ok: false, refusal: { code: 'malformed' } });
  });

  it('refuses an unknown intent type and names it', () => {
    expect(parseIntent({ type: 'launchMissiles' })).toMatchObject({
      ok: false,
      refusal: { code: 'unknown-intent', detail: 'launchMissiles' },
    });
  });

  it('refuses a known type with bad or extra fields, naming the field', () => {
    expect(parseIntent({ type: 'place', component: 'spaceship', zone: 'us-east-1a' })).toMatchObject({
      ok: false,
      refusal: { code: 'malformed', detail: 'component' },
    });
    expect(parseIntent({ type: 'place', component: 'instance', zone: 'us-east-1a', cost: 0 })).toMatchObject({
      ok: false,
      refusal: { code: 'malformed' },
    });
  });

  it('refuses an oversized intent before looking at its shape', () => {
    const result = parseIntent({ type: 'place', component: 'instance', zone: 'x'.repeat(MAX_INTENT_BYTES) });
    expect(result).toMatchObject({ ok: false, refusal: { code: 'too-large' } });
  });

  it('refuses what cannot be serialised instead of throwing', () => {
    const cyclic: Record<string, unknown> = { type: 'place' };
    cyclic.self = cyclic;
    expect(parseIntent(cyclic)).toMatchObject({ ok: false, refusal: { code: 'malformed' } });
    expect(parseIntent({ type: 'remove', id: 10n })).toMatchObject({ ok: false, refusal: { code: 'malformed' } });
  });

  it('gives every refusal a human message', () => {
    const result = parseIntent({ type: 'nope' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusal.message.length).toBeGreaterThan(10);
  });
});
