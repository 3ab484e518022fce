// Load → export → load → export on real templates: every AWS sample beside the project (as a one-stack manifest
// in us-east-1, with its plain parameters given) and every design of the campaign (assets/designs and each
// scenario's reference and naive design). The second export is the same text as the first, and the second load
// is the same design as the first: an export is a fixed point of the loader.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../../shared/design/model.ts';
import { exportDesign, loadDesign, templateToYaml, type LoadedDesign } from '../../../shared/template/index.ts';
import { errors, plain } from './load-helpers.ts';

const SAMPLES = fileURLToPath(new URL('../../../../shared/cfn-samples/', import.meta.url));
const ASSETS = fileURLToPath(new URL('../../../assets/', import.meta.url));

/** The plain parameters each sample needs (as in aws-samples.test.ts); AWS-specific ones come from the account. */
const SAMPLE_PARAMETERS: Record<string, Record<string, string>> = {
  'AutoScalingMultiAZWithNotifications.yaml': {
    OperatorEMail: 'ops@example.com',
    KmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/abc',
    CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
  },
  'ELBWithLockedDownAutoScaledInstances.yaml': { KeyName: 'five-nines-key' },
  'RDS_MySQL_With_Read_Replica.yaml': { DBUser: 'admin' },
};

/** One text for a whole export: the manifest, then each template, as the files would hold them. */
function exportText(design: Design): { text: string; files: Map<string, string>; manifest: object } {
  const exported = exportDesign(design);
  const files = new Map(Object.entries(exported.templates).map(([name, t]) => [`${name}.yaml`, templateToYaml(t)]));
  const text = [templateToYaml(exported.manifest), ...[...files].map(([name, body]) => `# ${name}\n${body}`)].join('---\n');
  return { text, files, manifest: exported.manifest };
}

function reloadExport(design: Design): LoadedDesign {
  const { files, manifest } = exportText(design);
  return loadDesign(manifest, (path) => files.get(path));
}

function expectFixedPoint(first: LoadedDesign): void {
  expect(errors(first)).toEqual([]);
  const once = exportText(first.design!);
  const second = reloadExport(first.design!);
  expect(errors(second)).toEqual([]);
  const twice = exportText(second.design!);
  expect(twice.text).toBe(once.text);
  expect(plain(reloadExport(second.design!).design)).toEqual(plain(second.design));
  expect(plain(second.design)).toEqual(plain(first.design));
}

const samples = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
if (samples.length === 0) console.warn(`No AWS sample templates at ${SAMPLES}: their round trip is not checked.`);

describe.skipIf(samples.length === 0)('AWS sample templates round-trip', () => {
  it.each(samples)('%s: load → export → load → export is the same text and the same design', (file) => {
    const manifest = { stacks: [{ name: 'sample', region: 'us-east-1', template: file, parameters: SAMPLE_PARAMETERS[file] ?? {} }] };
    expectFixedPoint(loadDesign(manifest, (path) => readFileSync(join(SAMPLES, path), 'utf8')));
  });
});

function manifestsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const at = join(dir, e.name);
    if (e.isDirectory()) return manifestsUnder(at);
    return e.name === 'manifest.yaml' ? [at] : [];
  });
}

const campaign = [...manifestsUnder(join(ASSETS, 'designs')), ...manifestsUnder(join(ASSETS, 'scenarios'))].sort();

describe('campaign designs round-trip', () => {
  it('are all found (the five examples and a reference and a naive design per scenario with solutions)', () => {
    expect(campaign.length).toBeGreaterThanOrEqual(33);
  });

  it.each(campaign.map((path) => [relative(ASSETS, path), path]))('%s: load → export → load → export is the same text and the same design', (_, path) => {
    const dir = dirname(path);
    expectFixedPoint(loadDesign(readFileSync(path, 'utf8'), (file) => readFileSync(join(dir, file), 'utf8')));
  });
});
