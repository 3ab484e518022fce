// EC2 instances and what Auto Scaling groups launch: launch templates, and the older launch configurations,
// which the board shows as launch templates (they carry the same thing the game needs: an instance type).

import { zonesOf } from '../../geography/regions.ts';
import { codec, defined, type WriteContext } from '../codec.ts';
import { isPlainObject } from '../plain-data.ts';
import { defaultSubnetsOf } from '../default-vpc-placement.ts';
import { PropertyReader } from '../property-reader.ts';
import { ResourceRef } from '../resource-ref.ts';

/** CloudFormation's default when an instance names no InstanceType. */
const DEFAULT_INSTANCE_TYPE = 'm1.small';

export const instanceCodec = codec({
  kind: 'instance',
  awsType: 'AWS::EC2::Instance',
  defaulted: ['InstanceType'],
  usual: true,
  indexed: ['NetworkInterfaces'],
  read: (p) => {
    const instanceType = p.text('InstanceType', DEFAULT_INSTANCE_TYPE);
    if (!p.has('SubnetId') && !p.has('NetworkInterfaces')) {
      // AWS launches it in the default subnet of its AvailabilityZone (kept as written), else of the first zone.
      const zone = p.peek('AvailabilityZone');
      const subnet = defaultSubnetsOf(p, typeof zone === 'string' ? [zone] : undefined, 'the instance names no SubnetId')?.[0];
      const securityGroups = groupsOf(p);
      return subnet === undefined ? undefined : { instanceType, subnet, securityGroups };
    }
    if (p.has('SubnetId')) {
      const subnet = p.requiredRef('SubnetId', ['subnet']);
      const securityGroups = groupsOf(p);
      return subnet === undefined ? undefined : { instanceType, subnet, securityGroups };
    }
    // The subnet given through the primary network interface (DeviceIndex 0, or the first one).
    const elements = p.elements('NetworkInterfaces');
    const primary = elements.find((e) => e.reader && String(e.reader.peek('DeviceIndex')) === '0') ?? elements[0];
    const reader = primary?.reader;
    // An existing interface (an AWS::EC2::NetworkInterface of the stack) is attached where it was made: its
    // subnet and groups are the instance's. Its own properties stay with it (it is not modelled).
    const eni = reader ? interfaceOf(reader) : undefined;
    // An interface AWS creates without a subnet goes to the default subnet of the instance's zone.
    const inDefault = reader !== undefined && !reader.has('SubnetId') && !reader.has('NetworkInterfaceId');
    const zone = p.peek('AvailabilityZone');
    const subnet = eni
      ? eni.ref('SubnetId', ['subnet'])
      : inDefault
        ? defaultSubnetsOf(p, typeof zone === 'string' ? [zone] : undefined, 'the primary network interface names no SubnetId')?.[0]
        : reader?.ref('SubnetId', ['subnet']);
    const securityGroups = eni ? eni.refs('GroupSet', ['securityGroup']) : reader ? reader.refs('GroupSet', ['securityGroup']) : [];
    if (!reader || subnet === undefined) {
      p.env.unplaceable('NetworkInterfaces names no subnet on the board');
      return undefined;
    }
    reader.expect('DeviceIndex', '0');
    p.finishList('NetworkInterfaces', [reader], elements.filter((e) => e !== primary).map((e) => e.raw), 'indexed');
    return { instanceType, subnet, securityGroups };
  },
  write: (props, w) => {
    const keptInterfaces = w.kept?.['NetworkInterfaces'];
    const primaryKept = Array.isArray(keptInterfaces) ? keptInterfaces[0] : undefined;
    if (isPlainObject(primaryKept) && primaryKept['NetworkInterfaceId'] !== undefined) {
      // Attached to an existing interface: the subnet and groups are the interface's, not written here.
      return { InstanceType: props.instanceType, NetworkInterfaces: [{ DeviceIndex: '0' }] };
    }
    if (keptInterfaces !== undefined) {
      return {
        InstanceType: props.instanceType,
        NetworkInterfaces: [
          defined({ DeviceIndex: '0', SubnetId: w.ref(props.subnet), GroupSet: nonEmpty(props.securityGroups.map(w.ref)) }),
        ],
      };
    }
    return defined({
      InstanceType: props.instanceType,
      SubnetId: placedByAws(props.subnet, w) ? undefined : w.ref(props.subnet),
      ...groupsProperty(props.securityGroups, w),
    });
  },
});

export const launchTemplateCodec = codec({
  kind: 'launchTemplate',
  awsType: 'AWS::EC2::LaunchTemplate',
  usual: true,
  read: (p) => {
    const data = p.child('LaunchTemplateData');
    return { instanceType: data.text('InstanceType', DEFAULT_INSTANCE_TYPE), securityGroups: groupsOf(data) };
  },
  write: (props, w) => ({
    LaunchTemplateData: defined({ InstanceType: props.instanceType, ...groupsProperty(props.securityGroups, w) }),
  }),
});

export const launchConfigurationCodec = codec({
  kind: 'launchTemplate',
  awsType: 'AWS::AutoScaling::LaunchConfiguration',
  usual: false,
  read: (p) => {
    p.env.report('note', 'launch-configuration-mapped', 'a launch configuration: shown as a launch template of its instance type');
    return { instanceType: p.text('InstanceType', DEFAULT_INSTANCE_TYPE), securityGroups: p.refs('SecurityGroups', ['securityGroup']) };
  },
  write: (props, w) => defined({ InstanceType: props.instanceType, SecurityGroups: nonEmpty(props.securityGroups.map(w.ref)) }),
});

/**
 * The AWS::EC2::NetworkInterface of the same stack a network interface element attaches (NetworkInterfaceId:
 * !Ref Eni), read where it was declared; undefined for an interface made with the instance or named outside.
 */
function interfaceOf(element: PropertyReader): PropertyReader | undefined {
  const v = element.peek('NetworkInterfaceId');
  const ref = v instanceof ResourceRef ? v : typeof v === 'string' ? element.env.scope.refOfText(v) : undefined;
  if (!ref || ref.attribute !== undefined || ref.stack !== element.env.scope.index) return undefined;
  const body = element.env.scope.resources[ref.logicalId];
  if (!isPlainObject(body) || body['Type'] !== 'AWS::EC2::NetworkInterface' || !isPlainObject(body['Properties'])) return undefined;
  return new PropertyReader(body['Properties'], element.env, ref.logicalId);
}

/**
 * True when AWS itself puts the instance in this subnet: the default subnet of the instance's written
 * AvailabilityZone, or of the region's first zone when it names none. Such an instance is exported without
 * SubnetId, as its template had it (reading it again places it the same way).
 */
function placedByAws(subnet: number, w: WriteContext): boolean {
  if (w.written !== undefined && Object.hasOwn(w.written, 'SubnetId')) return false;
  const target = w.resource(subnet);
  if (target?.kind !== 'subnet' || !w.isAccountResource(subnet)) return false;
  const zone = w.kept?.['AvailabilityZone'];
  if (zone === undefined) return target.props.zone === zonesOf(w.region)[0];
  return writtenZone(zone, w.region) === target.props.zone;
}

/** A kept AvailabilityZone as a zone name: written out, or the common !Select [n, !GetAZs ''] of the region. */
function writtenZone(zone: unknown, region: string): string | undefined {
  if (typeof zone === 'string') return zone;
  const select = isPlainObject(zone) ? zone['Fn::Select'] : undefined;
  if (!Array.isArray(select) || select.length !== 2) return undefined;
  const [index, list] = select as [unknown, unknown];
  const azs = isPlainObject(list) && Object.keys(list).length === 1 ? list['Fn::GetAZs'] : undefined;
  const ofRegion = azs === '' || azs === region || (isPlainObject(azs) && azs['Ref'] === 'AWS::Region');
  const n = typeof index === 'number' ? index : typeof index === 'string' && /^\d+$/.test(index) ? Number(index) : undefined;
  return ofRegion && n !== undefined ? zonesOf(region)[n] : undefined;
}

/**
 * How an instance names its groups. A template's group without a VpcId is made in the default VPC, where its
 * Ref is the group's name, which only SecurityGroups takes (as such templates write it); others by id.
 */
function groupsProperty(groups: readonly number[], w: WriteContext): { SecurityGroups?: unknown[]; SecurityGroupIds?: unknown[] } {
  if (groups.length === 0) return {};
  const byName = groups.every((id) => {
    const group = w.resource(id);
    return group?.kind === 'securityGroup' && group.props.vpc === undefined && !w.isAccountResource(id);
  });
  return byName ? { SecurityGroups: groups.map(w.ref) } : { SecurityGroupIds: groups.map(w.ref) };
}

/** Security groups by id (SecurityGroupIds) or, in a default VPC, by name (SecurityGroups). */
function groupsOf(p: PropertyReader): number[] {
  return [...p.refs('SecurityGroupIds', ['securityGroup']), ...p.refs('SecurityGroups', ['securityGroup'])];
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length === 0 ? undefined : list;
}
