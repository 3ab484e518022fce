// Real templates as a new user tries them: every AWS sample beside the project (../shared/cfn-samples) and
// our own in the same styles, each as a one-stack manifest in us-east-1 given only its plain parameters (the
// AWS-specific ones come from the account, as the console fills them). Each loads without an error, and each
// that serves a web page in AWS serves traffic on the board.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, type Scenario } from '../../../shared/scenario/index.ts';
import { runScenario } from '../../../shared/sim/index.ts';
import { loadDesign } from '../../../shared/template/index.ts';
import { errors } from './load-helpers.ts';

const SAMPLES = fileURLToPath(new URL('../../../../shared/cfn-samples/', import.meta.url));
const OWN = 'tests/fixtures/account-templates/';

/** Each template with its plain parameters (what CloudFormation cannot fill) and whether it serves a web page. */
const TEMPLATES: { folder: string; file: string; parameters: Record<string, string>; web: boolean }[] = [
  {
    folder: SAMPLES,
    file: 'AutoScalingMultiAZWithNotifications.yaml',
    parameters: {
      OperatorEMail: 'ops@example.com',
      KmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/abc',
      CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
    },
    // Its instances take their groups from the SecurityGroups parameter (the console's offer: the VPC's default
    // group, which admits only its own members), not from the sample's own InstanceSecurityGroup, which nothing
    // uses: the load balancer's health checks and requests are dropped, in AWS as on the board.
    web: false,
  },
  { folder: SAMPLES, file: 'ELBWithLockedDownAutoScaledInstances.yaml', parameters: {}, web: true },
  // A listener over an empty target group: nothing answers in AWS either.
  { folder: SAMPLES, file: 'NetworkLoadBalancerWithEIPs.yaml', parameters: {}, web: false },
  { folder: SAMPLES, file: 'RDS_MySQL_With_Read_Replica.yaml', parameters: { DBUser: 'admin' }, web: false },
  { folder: SAMPLES, file: 'VPC_With_Managed_NAT_And_Private_Subnet.yaml', parameters: {}, web: false },
  { folder: OWN, file: 'single-instance-default-vpc.yaml', parameters: {}, web: true },
  { folder: OWN, file: 'classic-elb-across-azs.yaml', parameters: {}, web: true },
  { folder: OWN, file: 'launch-configuration-asg.yaml', parameters: {}, web: true },
  { folder: OWN, file: 'typed-parameters-alb.yaml', parameters: { OperatorEmail: 'ops@example.com' }, web: true },
];

const present = existsSync(SAMPLES);
if (!present) console.warn(`The AWS sample templates are not at ${SAMPLES}: their tests are skipped.`);
const cases = TEMPLATES.filter((t) => present || t.folder !== SAMPLES);

function oneWebServer(): Scenario {
  const parsed = parseScenarioText(readFileSync('assets/scenarios/one-web-server.yaml', 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.scenario;
}

function load(folder: string, file: string, parameters: Record<string, string>) {
  return loadDesign({ stacks: [{ name: 'sample', region: 'us-east-1', template: file, parameters }] }, (path) => readFileSync(folder + path, 'utf8'));
}

describe('real templates, given only their plain parameters', () => {
  it.skipIf(!present)('every sample in the folder is listed here (a new sample must say whether it serves a web page)', () => {
    const listed = TEMPLATES.filter((t) => t.folder === SAMPLES).map((t) => t.file);
    expect(readdirSync(SAMPLES).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()).toEqual([...listed].sort());
  });

  it.each(cases.map((t) => [t.file, t] as const))('%s loads without an error and, if it serves a web page, serves traffic', (_, t) => {
    const result = load(t.folder, t.file, t.parameters);
    expect(errors(result)).toEqual([]);
    const run = runScenario(result.design!, oneWebServer(), { seed: 1 });
    if (t.web) expect(run.availability).toBeGreaterThan(0.9);
    else expect(run.availability).toBe(0);
  });

  it.skipIf(!present)('without a plain parameter a sample is refused naming it; AWS-specific ones are only warned about', () => {
    const result = load(SAMPLES, 'AutoScalingMultiAZWithNotifications.yaml', {});
    expect(errors(result).map((i) => i.code)).toEqual(['parameter-missing', 'parameter-missing', 'parameter-missing']);
    expect(result.issues.filter((i) => i.code === 'parameter-chosen')).toHaveLength(5);
  });
});
