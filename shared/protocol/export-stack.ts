// The `exportStack` request: one stack of a team's real design, exported as CloudFormation would take it back
// (shared/template/export.ts): its template as YAML, the values it was deployed with as the AWS CLI's parameters
// file, and its manifest entry. The room answers it (server/rooms/export-request.ts) from the team's design; the
// replay viewer answers it from the replay's own design. Neither the client's board nor its wire state is the
// source: they lack the template's parameters, conditions, mappings and unmodelled resources.
import { z } from 'zod';
import type { Design } from '../design/model.ts';
import { exportDesign, type CliParameter, type ExportedManifest } from '../template/export.ts';
import { templateToYaml } from '../template/template-yaml.ts';
import { NO_ECHO_MASK } from '../template/parameters.ts';
import { refusal, type Refusal } from './refusals.ts';

/** What a client asks: a stack by name; the host also names the team (a player may only export their own). */
export const exportStackSchema = z.strictObject({
  stack: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'a stack name is letters, digits and dashes'),
  team: z.string().min(1).max(64).optional(),
});

export type ExportStackRequest = z.infer<typeof exportStackSchema>;

/** A parameters file's entry: a value, or (for a NoEcho parameter, whose value is never shown) the previous one kept. */
export type ParameterEntry = CliParameter | { ParameterKey: string; UsePreviousValue: true };

/** What CloudFormation shows in place of a NoEcho parameter's value. */
export { NO_ECHO_MASK } from '../template/parameters.ts';

export interface StackExport {
  stack: string;
  /** The template, as the file `<stack>.yaml` would hold it. */
  template: string;
  /** The deployed values that differ from the template's defaults, as `aws cloudformation … --parameters file://…` reads them. */
  parameters: ParameterEntry[];
  /** The stack's entry in the game's manifest (name, region, template file, parameters). */
  manifest: ExportedManifest['stacks'][number];
}

export type ExportStackAnswer = ({ ok: true } & StackExport) | { ok: false; refusal: Refusal };

/** One stack of a design, exported; refused when the design has no such stack (the account's default VPC is none). */
export function exportStackOf(design: Design, stack: string): ExportStackAnswer {
  const exported = exportDesign(design);
  const manifest = exported.manifest.stacks.find((s) => s.name === stack);
  const template = Object.hasOwn(exported.templates, stack) ? exported.templates[stack] : undefined;
  if (!manifest || !template) return { ok: false, refusal: refusal('unknown-stack', stack) };
  // A NoEcho value never leaves the server, as AWS never shows one: masked in the manifest entry, and kept by
  // `UsePreviousValue` in the parameters file (what the AWS CLI sends to keep a value it cannot read back).
  const hidden = noEchoParameters(template);
  const parameters = (exported.parameterFiles[stack] ?? []).map((p): ParameterEntry => (hidden.has(p.ParameterKey) ? { ParameterKey: p.ParameterKey, UsePreviousValue: true } : p));
  const values = manifest.parameters && Object.fromEntries(Object.entries(manifest.parameters).map(([key, value]) => [key, hidden.has(key) ? NO_ECHO_MASK : value]));
  return { ok: true, stack, template: templateToYaml(template), parameters, manifest: { ...manifest, ...(values ? { parameters: values } : {}) } };
}

/** The names of a template's NoEcho parameters. */
function noEchoParameters(template: Record<string, unknown>): Set<string> {
  const declared = template.Parameters;
  if (typeof declared !== 'object' || declared === null) return new Set();
  return new Set(
    Object.entries(declared as Record<string, unknown>)
      .filter(([, d]) => typeof d === 'object' && d !== null && String((d as { NoEcho?: unknown }).NoEcho).toLowerCase() === 'true')
      .map(([name]) => name),
  );
}

/** The parameters file as written to disk: the AWS CLI's JSON, indented as people keep it. */
export function parametersFileText(parameters: readonly ParameterEntry[]): string {
  return `${JSON.stringify(parameters, null, 2)}\n`;
}
