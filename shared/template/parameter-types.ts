// CloudFormation's AWS-specific parameter types, resolved against the account the stacks run in: a value must
// name something that exists (a board resource by its physical id or `stack/LogicalId`, or a part of the
// region's default VPC), and with no value the board takes what the CloudFormation console offers first.

import { ACCOUNT_IMAGE_ID, ACCOUNT_KEY_PAIR, defaultSubnets, defaultVpcParts, DEFAULT_VPC } from '../account/default-vpc.ts';
import { regionOfZone, zonesOf } from '../geography/regions.ts';

/** What a parameter type asks for: a resource of a CloudFormation type, a zone, a key pair, an image, free text. */
export type AccountThing = { resourceType: string } | { zone: true } | { keyPair: true } | { image: true } | { anyName: true };

const ACCOUNT_TYPES: Record<string, AccountThing> = {
  'AWS::EC2::VPC::Id': { resourceType: 'AWS::EC2::VPC' },
  'AWS::EC2::Subnet::Id': { resourceType: 'AWS::EC2::Subnet' },
  'AWS::EC2::SecurityGroup::Id': { resourceType: 'AWS::EC2::SecurityGroup' },
  'AWS::EC2::Instance::Id': { resourceType: 'AWS::EC2::Instance' },
  'AWS::EC2::AvailabilityZone::Name': { zone: true },
  'AWS::EC2::KeyPair::KeyName': { keyPair: true },
  'AWS::EC2::Image::Id': { image: true },
  'AWS::EC2::SecurityGroup::GroupName': { anyName: true },
  'AWS::EC2::Volume::Id': { anyName: true },
  'AWS::Route53::HostedZone::Id': { anyName: true },
  'AWS::SSM::Parameter::Name': { anyName: true },
};

/** The SSM image parameter the console proposes for an image parameter read through Systems Manager. */
const SSM_IMAGE_PARAMETER = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

export interface ParsedType {
  /** The type as declared. */
  type: string;
  list: boolean;
  /** Number, Number lists: each item must be a number. */
  numeric: boolean;
  /** An AWS-specific type: what its values must name. */
  thing?: AccountThing;
  /** Read through Systems Manager: the value is a parameter name, not the thing itself. */
  ssm: boolean;
}

/** The declared type, understood; undefined for a type CloudFormation does not know. */
export function parseParameterType(type: string): ParsedType | undefined {
  if (type === 'String') return { type, list: false, numeric: false, ssm: false };
  if (type === 'Number') return { type, list: false, numeric: true, ssm: false };
  if (type === 'CommaDelimitedList') return { type, list: true, numeric: false, ssm: false };
  if (type === 'List<Number>') return { type, list: true, numeric: true, ssm: false };
  const ssm = /^AWS::SSM::Parameter::Value<(.+)>$/.exec(type);
  if (ssm) {
    const inner = parseParameterType(ssm[1]!);
    return inner ? { ...inner, type, ssm: true } : undefined;
  }
  const list = /^List<(.+)>$/.exec(type);
  if (list) {
    const inner = ACCOUNT_TYPES[list[1]!];
    return inner ? { type, list: true, numeric: false, thing: inner, ssm: false } : undefined;
  }
  const thing = ACCOUNT_TYPES[type];
  return thing ? { type, list: false, numeric: false, thing, ssm: false } : undefined;
}

/** What the stacks of a design can name: the region's default VPC (if the account still has it) and board resources. */
export interface AccountDirectory {
  /** A physical id or `stack/LogicalId` in the region: its physical id and CloudFormation type. */
  lookup: (text: string, region: string) => { physicalId: string; awsType: string } | undefined;
  hasDefaultVpc: (region: string) => boolean;
  /**
   * Whether the account has a key pair of that name in the region, as seen by stack `stack` (the account's own,
   * or an AWS::EC2::KeyPair another stack made). Absent where the key pairs are not known (the client's form,
   * which holds only the board's modelled resources): any name is then taken, and the deploy checks it.
   */
  keyPairExists?: (name: string, region: string, stack: string) => boolean;
}

/**
 * What an AMI id looks like: `ami-` and 8 or 17 hexadecimal digits (the older and the current form). The game
 * account's own image (ACCOUNT_IMAGE_ID) is the one AMI it knows by name, and exists in every region.
 */
export function looksLikeImageId(text: string): boolean {
  return /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/.test(text) || text === ACCOUNT_IMAGE_ID;
}

/**
 * The value the CloudFormation console would fill in, or undefined when it would offer nothing. `nth` counts the
 * earlier parameters of the same single-value type that were filled this way (declaration order): separate
 * `AWS::EC2::Subnet::Id` or zone parameters get distinct items (the first subnet, then the second, …, wrapping
 * round), as someone filling the console's pickers for a two-zone template would, so a load balancer over
 * `[!Ref SubnetA, !Ref SubnetB]` spans two zones instead of one.
 */
export function consoleChoice(parsed: ParsedType, region: string, directory: AccountDirectory, nth = 0): string | undefined {
  const pick = (items: string[]): string | undefined => (items.length === 0 ? undefined : items[nth % items.length]);
  const thing = parsed.thing;
  if (!thing) return undefined;
  if (parsed.ssm) return 'image' in thing ? SSM_IMAGE_PARAMETER : undefined;
  if ('keyPair' in thing) return ACCOUNT_KEY_PAIR;
  if ('image' in thing) return ACCOUNT_IMAGE_ID;
  if ('zone' in thing) return parsed.list ? zonesOf(region).join(',') : pick(zonesOf(region));
  if (!('resourceType' in thing) || !directory.hasDefaultVpc(region)) return undefined;
  const parts = defaultVpcParts(region);
  const idOf = (logicalId: string) => parts.find((p) => p.logicalId === logicalId)!.physicalId;
  if (thing.resourceType === 'AWS::EC2::VPC') return idOf(DEFAULT_VPC.vpc);
  if (thing.resourceType === 'AWS::EC2::SecurityGroup') return idOf(DEFAULT_VPC.securityGroup);
  if (thing.resourceType === 'AWS::EC2::Subnet') {
    const subnets = defaultSubnets(region).map((s) => idOf(s.logicalId));
    return parsed.list ? subnets.join(',') : pick(subnets);
  }
  return undefined;
}

/** Whether parameters of this type get distinct console items in turn (single subnets and zones). */
export function choiceCounted(parsed: ParsedType): boolean {
  const thing = parsed.thing;
  if (!thing || parsed.list || parsed.ssm) return false;
  return 'zone' in thing || ('resourceType' in thing && thing.resourceType === 'AWS::EC2::Subnet');
}

/**
 * Each item of a value checked against what the type names. Returns the items as the stack keeps them (a
 * `stack/LogicalId` becomes the resource's physical id) or the first item that names nothing in the account.
 */
export function resolveAccountItems(
  parsed: ParsedType,
  items: string[],
  region: string,
  directory: AccountDirectory,
  stack = '',
): { items: string[] } | { missing: string } {
  const thing = parsed.thing;
  if (!thing || parsed.ssm) return { items };
  const out: string[] = [];
  for (const item of items) {
    if ('anyName' in thing) {
      if (item === '') return { missing: item };
      out.push(item);
    } else if ('keyPair' in thing) {
      // CloudFormation looks the name up in EC2 before it creates anything: a key pair the account lacks stops the stack.
      if (item === '' || directory.keyPairExists?.(item, region, stack) === false) return { missing: item };
      out.push(item);
    } else if ('image' in thing) {
      if (!looksLikeImageId(item)) return { missing: item };
      out.push(item);
    } else if ('zone' in thing) {
      if (regionOfZone(item) !== region) return { missing: item };
      out.push(item);
    } else {
      const found = directory.lookup(item, region);
      if (!found || found.awsType !== thing.resourceType) return { missing: item };
      out.push(found.physicalId);
    }
  }
  return { items: out };
}
