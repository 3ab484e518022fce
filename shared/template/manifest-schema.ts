// The design manifest: the stacks of a board with their regions, templates and parameter values, and the
// scripted actions of a run. Its shape is checked here (zod); what its templates mean is checked by the loader.

import { z } from 'zod';
import type { DesignIssue } from '../design/model.ts';
import { parseTemplateText } from './template-text.ts';

const parameterValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()]))]);

export const manifestStackSchema = z.object({
  /** CloudFormation's rule for stack names: a letter, then letters, digits and hyphens, at most 128. */
  name: z.string().regex(/^[A-Za-z][-A-Za-z0-9]{0,127}$/, 'a stack name starts with a letter and holds letters, digits and hyphens'),
  region: z.string().min(1),
  /** A path relative to the manifest, or the template itself. */
  template: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
  parameters: z.record(z.string(), parameterValue).optional(),
});

/**
 * A timed action. Without `as` the intent is a run-time action on the world (shared/sim/actions.ts). With `as`
 * it is a player's intent played through the room's rules (shared/match/run-match.ts): `as: root` is the
 * host, any other name a player seated as that IAM user, which is how a level about IAM is proven without
 * players.
 */
export const manifestActionSchema = z.object({
  atS: z.number().finite().nonnegative(),
  /** A scenario event type: `atS` counts from the start of the run's first event of that type. */
  after: z.string().regex(/^[a-z][a-z-]*$/).optional(),
  as: z.string().regex(/^[\w+=,.@-]{1,64}$/, 'root, or an IAM user name').optional(),
  intent: z.record(z.string(), z.unknown()),
});

export const manifestSchema = z.object({
  stacks: z.array(manifestStackSchema).min(1, 'a design has at least one stack'),
  actions: z.array(manifestActionSchema).optional(),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestStack = z.infer<typeof manifestStackSchema>;

/** Checks the shape of an already-parsed manifest. */
export function readManifest(value: unknown): { manifest?: Manifest; issues: DesignIssue[] } {
  const checked = manifestSchema.safeParse(value);
  if (checked.success) return { manifest: checked.data, issues: [] };
  return {
    issues: checked.error.issues.slice(0, 20).map((issue) => ({
      severity: 'error' as const,
      code: 'invalid-manifest',
      message: `manifest ${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}`,
    })),
  };
}

/** Reads manifest text (YAML or JSON; short tags in inline templates are understood) and checks its shape. */
export function parseManifestText(text: string): { manifest?: Manifest; issues: DesignIssue[] } {
  const parsed = parseTemplateText(text);
  if (parsed.value === undefined) return { issues: parsed.issues.map((i) => ({ ...i, code: 'invalid-manifest' })) };
  const read = readManifest(parsed.value);
  return { ...read, issues: [...parsed.issues, ...read.issues] };
}
