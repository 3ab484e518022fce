import { z } from 'zod';
import { PALETTE_KINDS } from '../board/palette.ts';
import { MAX_INTENT_BYTES } from './messages.ts';
import { refusal, type Refusal } from './refusals.ts';

// An intent is what a client asks the server to do. Its shape is checked here (the edge); whether it is
// allowed is checked by the rules that apply it. Unknown keys are refused rather than ignored, so a typo in a
// client never silently does something else.

export const placeIntentSchema = z.strictObject({
  type: z.literal('place'),
  component: z.enum(PALETTE_KINDS),
  zone: z.string().min(1).max(32),
});

export const removeIntentSchema = z.strictObject({
  type: z.literal('remove'),
  id: z.string().min(1).max(32),
});

export const intentSchema = z.discriminatedUnion('type', [placeIntentSchema, removeIntentSchema]);

export type Intent = z.infer<typeof intentSchema>;
export type PlaceIntent = z.infer<typeof placeIntentSchema>;
export type RemoveIntent = z.infer<typeof removeIntentSchema>;

export const INTENT_TYPES = intentSchema.options.map((o) => o.shape.type.value);

export type ParsedIntent = { ok: true; intent: Intent } | { ok: false; refusal: Refusal };

/** Size of a payload as the server measures it: the length of its JSON text (undefined for the unserialisable). */
function jsonLength(payload: unknown): number | undefined {
  try {
    return JSON.stringify(payload)?.length;
  } catch {
    return undefined;
  }
}

/**
 * Checks an untrusted payload and says precisely what is wrong with it: too large, not an intent at all,
 * an intent type that does not exist, or a known type with bad fields.
 */
export function parseIntent(payload: unknown): ParsedIntent {
  const size = jsonLength(payload);
  if (size === undefined) return { ok: false, refusal: refusal('malformed') };
  if (size > MAX_INTENT_BYTES) return { ok: false, refusal: refusal('too-large', `${size} bytes, limit ${MAX_INTENT_BYTES}`) };
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, refusal: refusal('malformed') };
  }
  const type = (payload as { type?: unknown }).type;
  if (typeof type !== 'string') return { ok: false, refusal: refusal('malformed', 'type') };
  if (!(INTENT_TYPES as string[]).includes(type)) return { ok: false, refusal: refusal('unknown-intent', type.slice(0, 40)) };
  const parsed = intentSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, refusal: refusal('malformed', issue ? issue.path.join('.') || issue.message : undefined) };
  }
  return { ok: true, intent: parsed.data };
}
