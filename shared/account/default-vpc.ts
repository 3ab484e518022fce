// The AWS account a board's stacks run in. Every region of an AWS account has a default VPC that AWS created
// with the account, not any stack: 172.31.0.0/16, one /20 public subnet per zone (172.31.0.0/20, .16.0/20,
// .32.0/20 …, in zone order), an internet gateway attached to it, the main route table with 0.0.0.0/0 to that
// gateway, and the VPC's default security group. Templates lean on it: an instance without a subnet, a classic
// ELB over `!GetAZs ''`, a security group without a VpcId all land in it. It costs nothing.
//
// Here the default VPC is written as the CloudFormation template AWS would have needed to build it, so the
// loader reads it with the same codecs as any stack (see shared/template/account-stacks.ts): the simulation
// then routes traffic through it like through any VPC. Its ids are fixed, readable physical ids that a
// manifest may name (`subnet-default-us-east-1a`).

import { isRegion, zonesOf } from '../geography/regions.ts';

/** What a scenario may say about the account; everything else is as AWS creates an account. */
export interface Account {
  /** Regions whose default VPC has been deleted (as careful organisations do). */
  defaultVpcDeletedIn: readonly string[];
}

export const FRESH_ACCOUNT: Account = { defaultVpcDeletedIn: [] };

/** The key pair every game account has: what the console offers first for an AWS::EC2::KeyPair::KeyName. */
export const ACCOUNT_KEY_PAIR = 'five-nines-key';
/** The image the console offers for an AWS::EC2::Image::Id (any ami-… and SSM image parameter is accepted). */
export const ACCOUNT_IMAGE_ID = 'ami-0fivenines0000000';

export const DEFAULT_VPC_CIDR = '172.31.0.0/16';

/** Logical ids of the default VPC's parts, inside the account's per-region stack. */
export const DEFAULT_VPC = {
  vpc: 'DefaultVpc',
  gateway: 'DefaultInternetGateway',
  attachment: 'DefaultGatewayAttachment',
  mainRouteTable: 'MainRouteTable',
  route: 'MainRouteToInternet',
  securityGroup: 'DefaultSecurityGroup',
} as const;

/** The account's stack of a region: a name no manifest stack can take (CloudFormation names have no colon). */
export function accountStackName(region: string): string {
  return `account:${region}`;
}

export function isAccountStackName(name: string): boolean {
  return name.startsWith('account:');
}

export function hasDefaultVpc(account: Account, region: string): boolean {
  return isRegion(region) && !account.defaultVpcDeletedIn.includes(region);
}

/** "us-east-1b" → "DefaultSubnetB". */
export function defaultSubnetLogicalId(zone: string): string {
  return `DefaultSubnet${zone.slice(-1).toUpperCase()}`;
}

/** The default subnets of a region in zone order, each with its zone and its /20. */
export function defaultSubnets(region: string): { logicalId: string; zone: string; cidr: string }[] {
  return zonesOf(region).map((zone, i) => ({ logicalId: defaultSubnetLogicalId(zone), zone, cidr: `172.31.${i * 16}.0/20` }));
}

/** The CloudFormation type and physical id of each part of a region's default VPC, by logical id. */
export function defaultVpcParts(region: string): { logicalId: string; awsType: string; physicalId: string }[] {
  return [
    { logicalId: DEFAULT_VPC.vpc, awsType: 'AWS::EC2::VPC', physicalId: `vpc-default-${region}` },
    { logicalId: DEFAULT_VPC.gateway, awsType: 'AWS::EC2::InternetGateway', physicalId: `igw-default-${region}` },
    { logicalId: DEFAULT_VPC.attachment, awsType: 'AWS::EC2::VPCGatewayAttachment', physicalId: `igw-attach-default-${region}` },
    { logicalId: DEFAULT_VPC.mainRouteTable, awsType: 'AWS::EC2::RouteTable', physicalId: `rtb-main-${region}` },
    { logicalId: DEFAULT_VPC.route, awsType: 'AWS::EC2::Route', physicalId: `rtb-main-${region}-0.0.0.0/0` },
    ...defaultSubnets(region).map((s) => ({ logicalId: s.logicalId, awsType: 'AWS::EC2::Subnet', physicalId: `subnet-default-${s.zone}` })),
    { logicalId: DEFAULT_VPC.securityGroup, awsType: 'AWS::EC2::SecurityGroup', physicalId: `sg-default-${region}` },
  ];
}

/** The part of some region's default VPC a physical id names (the account's own ids), if any. */
export function defaultVpcPartOf(text: string): { region: string; logicalId: string; awsType: string } | undefined {
  const match = /^(?:vpc|igw|igw-attach|rtb-main|subnet|sg)-(?:default-)?([a-z]{2}-[a-z]+-\d)([a-c]?)/.exec(text);
  if (!match) return undefined;
  const region = match[1]!;
  if (!isRegion(region)) return undefined;
  const part = defaultVpcParts(region).find((p) => p.physicalId === text);
  return part ? { region, logicalId: part.logicalId, awsType: part.awsType } : undefined;
}

export function physicalIdOfDefaultPart(region: string, logicalId: string): string | undefined {
  return defaultVpcParts(region).find((p) => p.logicalId === logicalId)?.physicalId;
}

/**
 * The default VPC of a region as a template: what AWS builds when it creates the account. The main route table
 * is associated with no subnet, which is how the board recognises a VPC's main table (public-subnets.ts).
 */
export function defaultVpcTemplate(region: string): Record<string, unknown> {
  const ref = (id: string) => ({ Ref: id });
  const resources: Record<string, unknown> = {
    [DEFAULT_VPC.vpc]: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: DEFAULT_VPC_CIDR, EnableDnsSupport: true, EnableDnsHostnames: true } },
    [DEFAULT_VPC.gateway]: { Type: 'AWS::EC2::InternetGateway' },
    [DEFAULT_VPC.attachment]: {
      Type: 'AWS::EC2::VPCGatewayAttachment',
      Properties: { VpcId: ref(DEFAULT_VPC.vpc), InternetGatewayId: ref(DEFAULT_VPC.gateway) },
    },
    [DEFAULT_VPC.mainRouteTable]: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref(DEFAULT_VPC.vpc) } },
    [DEFAULT_VPC.route]: {
      Type: 'AWS::EC2::Route',
      Properties: { RouteTableId: ref(DEFAULT_VPC.mainRouteTable), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref(DEFAULT_VPC.gateway) },
    },
  };
  for (const s of defaultSubnets(region)) {
    resources[s.logicalId] = {
      Type: 'AWS::EC2::Subnet',
      Properties: { VpcId: ref(DEFAULT_VPC.vpc), AvailabilityZone: s.zone, CidrBlock: s.cidr, MapPublicIpOnLaunch: true },
    };
  }
  // The default group lets in all traffic from its own members; its egress is open (AWS's defaults).
  resources[DEFAULT_VPC.securityGroup] = {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupDescription: 'default VPC security group',
      VpcId: ref(DEFAULT_VPC.vpc),
      SecurityGroupIngress: [{ IpProtocol: '-1', FromPort: 0, ToPort: 65535, SourceSecurityGroupId: ref(DEFAULT_VPC.securityGroup) }],
    },
  };
  return { Description: `The default VPC of ${region}, created by AWS with the account`, Resources: resources };
}
