// Values for the parameters CloudFormation's console would ask a person for: plain types (String, Number,
// CommaDelimitedList, List<Number>) without a Default. AWS-specific types are left to the account, as the console
// offers them. A value satisfies AllowedValues, AllowedPattern, Min/MaxLength and Min/MaxValue where it can.

type Decl = Record<string, unknown>;

const NAME_HINTS: [RegExp, string[]][] = [
  [/storage|size|count|port|capacity|number|timeout|days|retention|max|min|desired|iops|weight|period/i, ['20', '1', '80']],
  [/e-?mail/i, ['user@example.com']],
  [/password|secret|pwd/i, ['Passw0rd1234', 'password1234']],
  [/domain|hostname|fqdn|zonename|sitename|url/i, ['example.com', 'www.example.com', 'https://example.com']],
  [/bucket/i, ['measure-bucket-1234']],
  [/arn/i, ['arn:aws:iam::123456789012:role/measure', 'arn:aws:sns:us-east-1:123456789012:measure']],
  [/account/i, ['123456789012']],
  [/(db|database|rds).*class|class.*(db|database)/i, ['db.t3.micro', 'db.t3.medium']],
  [/cache.*(type|class)|node.*type/i, ['cache.t3.micro']],
  [/instancetype|type$|class$/i, ['t3.micro', 't2.micro', 'db.t3.micro', 'cache.t3.micro']],
  [/user(name)?$|login|admin/i, ['admin', 'measureuser']],
  [/(^|[^a-z])ip$|address/i, ['10.0.0.10', '203.0.113.10']],
  [/ami|image/i, ['ami-0abcdef1234567890']],
  // What a person pastes from the console of a fresh account: the default VPC's ids (or any id the pattern takes).
  [/vpcid|vpc$/i, ['vpc-default-us-east-1', 'vpc-0abcdef1234567890']],
  [/subnet/i, ['subnet-default-us-east-1a', 'subnet-0abcdef1234567890']],
  [/securitygroup|sg$/i, ['sg-default-us-east-1', 'sg-0abcdef1234567890']],
  [/hostedzone|zoneid|hostid/i, ['Z0123456789ABC']],
  [/peering|pcx/i, ['pcx-0123456789abcdef0']],
  [/key/i, ['measure-key']],
  [/version/i, ['1.0', '8.0', '14']],
  [/phone/i, ['+15555550100']],
];
/** AWS-shaped identifiers, tried against an AllowedPattern when the name suggests nothing that fits. */
const AWS_IDS = [
  '123456789012',
  '10.1.1.1',
  'd-0123456789',
  'rtb-0123456789abcdef0',
  'fs-0123456789abcdef0',
  'vpc-0123456789abcdef0',
  'vpc-01234567',
  'subnet-0123456789abcdef0',
  'sg-0123456789abcdef0',
  'i-0123456789abcdef0',
  '1234abcd-12ab-34cd-56ef-1234567890ab',
  'arn:aws:acm:us-east-1:123456789012:certificate/1234abcd-12ab-34cd-56ef-1234567890ab',
  'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
];
const GENERIC = ['measure', 'Measure1', 'a', 'abc123', 'example', '1', '10', 'true', 'Yes', 'dev', 'measure-value', 'x'.repeat(12), 'Measure-1234_abcd'];

function lengthOk(v: string, d: Decl): boolean {
  const min = Number(d.MinLength ?? 0);
  const max = d.MaxLength === undefined ? Infinity : Number(d.MaxLength);
  return v.length >= min && v.length <= max;
}

function patternOk(v: string, d: Decl): boolean {
  if (typeof d.AllowedPattern !== 'string') return true;
  try {
    return new RegExp(`^(?:${d.AllowedPattern})$`).test(v);
  } catch {
    return true;
  }
}

function stringValue(name: string, d: Decl): string {
  if (Array.isArray(d.AllowedValues) && d.AllowedValues.length > 0) return String(d.AllowedValues[0]);
  const candidates = [...NAME_HINTS.filter(([re]) => re.test(name)).flatMap(([, v]) => v), ...GENERIC, ...AWS_IDS, ''];
  const fits = (v: string) => lengthOk(v, d) && patternOk(v, d);
  const found = candidates.find(fits);
  if (found) return found;
  // Pad or cut a candidate to the length asked for when only the length stands in the way.
  const min = Number(d.MinLength ?? 1);
  const padded = 'a'.repeat(Math.max(1, min));
  return fits(padded) ? padded : (candidates[0] ?? 'measure');
}

function numberValue(d: Decl): number {
  if (Array.isArray(d.AllowedValues) && d.AllowedValues.length > 0) return Number(d.AllowedValues[0]);
  const min = d.MinValue === undefined ? undefined : Number(d.MinValue);
  const max = d.MaxValue === undefined ? undefined : Number(d.MaxValue);
  let v = 1;
  if (min !== undefined && v < min) v = min;
  if (max !== undefined && v > max) v = max;
  return v;
}

/**
 * A CIDR parameter: the VPC's own block for a VPC, else the next /24 inside 10.0.0.0/16 (templates that ask for
 * subnet blocks expect them distinct and inside the VPC's), or an address range for SSH/HTTP access.
 */
function cidrValue(name: string, d: Decl, next: () => number): string | undefined {
  if (!/cidr|ip(range|block)|sshlocation|location|range|network|block/i.test(name)) return undefined;
  const ok = (v: string) => lengthOk(v, d) && patternOk(v, d);
  const tries = /vpc/i.test(name) ? ['10.0.0.0/16'] : /ssh|access|location|allow|ingress|remote|client|my/i.test(name) ? ['0.0.0.0/0'] : [];
  tries.push(`10.0.${next()}.0/24`, '10.0.0.0/16', '0.0.0.0/0', '10.0.0.1/32');
  return tries.find(ok);
}

/** The n-th subnet (or zone) parameter gets the default VPC's n-th subnet (or the region's n-th zone). */
function spreadValue(name: string, d: Decl, count: { subnet: number; zone: number }): string | undefined {
  const zones = ['a', 'b', 'c'];
  const ok = (v: string) => lengthOk(v, d) && patternOk(v, d);
  if (/subnet/i.test(name)) {
    const v = `subnet-default-us-east-1${zones[count.subnet % 3]}`;
    if (ok(v)) {
      count.subnet++;
      return v;
    }
  } else if (/zone$|az\d*$|zone\d+$/i.test(name)) {
    const v = `us-east-1${zones[count.zone % 3]}`;
    if (ok(v)) {
      count.zone++;
      return v;
    }
  }
  return undefined;
}

/** Values for the parameters CloudFormation would ask for: plain types without a default. */
export function plainValues(template: unknown): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  let subnetBlock = 0;
  const next = () => subnetBlock++;
  const spreadCount = { subnet: 0, zone: 0 };
  const params = (template as { Parameters?: unknown })?.Parameters;
  if (!params || typeof params !== 'object') return out;
  for (const [name, raw] of Object.entries(params as Record<string, unknown>)) {
    const d = (raw && typeof raw === 'object' ? raw : {}) as Decl;
    if (d.Default !== undefined) continue;
    const type = String(d.Type ?? '');
    const noChoice = !(Array.isArray(d.AllowedValues) && d.AllowedValues.length > 0);
    const cidr = noChoice && type !== 'Number' ? cidrValue(name, d, next) : undefined;
    // A parent/companion stack's name: one name per parameter, so imports of different parents stay apart.
    const stackName = noChoice && type === 'String' && /stack/i.test(name) ? name.replace(/[^A-Za-z0-9]/g, '').toLowerCase() : undefined;
    // Several subnet or zone parameters: a person picks different ones (the default VPC's, in zone order).
    const spread = noChoice && type === 'String' && cidr === undefined ? spreadValue(name, d, spreadCount) : undefined;
    if (stackName !== undefined && lengthOk(stackName, d) && patternOk(stackName, d)) out[name] = stackName;
    else if (spread !== undefined) out[name] = spread;
    else if (cidr !== undefined && type === 'CommaDelimitedList') out[name] = [cidr, `10.0.${next()}.0/24`, `10.0.${next()}.0/24`].join(',');
    else if (cidr !== undefined) out[name] = cidr;
    else if (type === 'String') out[name] = stringValue(name, d);
    else if (type === 'Number') out[name] = numberValue(d);
    else if (type === 'CommaDelimitedList') {
      // A one-item list that fits the pattern (CloudFormation checks AllowedPattern against each item); a list of
      // subnets is the default VPC's first two, as a person would paste them.
      const one = noChoice ? stringValue(name, d) : String((d.AllowedValues as unknown[])[0]);
      out[name] = one === 'subnet-default-us-east-1a' ? 'subnet-default-us-east-1a,subnet-default-us-east-1b' : one;
    } else if (type === 'List<Number>') out[name] = '1,2';
    // AWS-specific types (and SSM parameter types) are left to the account, as the console offers them.
  }
  return out;
}
