// Data: RDS database instances (primary, Multi-AZ standby, read replicas), DB subnet groups, S3 buckets.

import { codec, defined } from '../codec.ts';

/** RDS's default storage when a template gives none (replicas inherit their source's; 20 GB is the console's). */
const DEFAULT_STORAGE_GB = 20;

export const databaseCodec = codec({
  kind: 'database',
  awsType: 'AWS::RDS::DBInstance',
  defaulted: ['MultiAZ', 'AllocatedStorage'],
  usual: true,
  read: (p) => {
    const source = p.ref('SourceDBInstanceIdentifier', ['database']);
    const subnetGroup = p.ref('DBSubnetGroupName', ['dbSubnetGroup']);
    const zone = p.optionalText('AvailabilityZone');
    const groups = p.refs('VPCSecurityGroups', ['securityGroup']);
    return defined({
      securityGroups: groups.length > 0 ? groups : undefined,
      engine: p.text('Engine', ''),
      instanceClass: p.text('DBInstanceClass', ''),
      multiAz: p.flag('MultiAZ', false),
      source,
      subnetGroup,
      zone,
      storageGb: p.number('AllocatedStorage', DEFAULT_STORAGE_GB),
    }) as { engine: string; instanceClass: string; multiAz: boolean; storageGb: number };
  },
  write: (props, w) =>
    defined({
      Engine: props.engine === '' ? undefined : props.engine,
      DBInstanceClass: props.instanceClass,
      MultiAZ: props.multiAz,
      // A replica in another region names its source by ARN; in the same region, by identifier (Ref).
      SourceDBInstanceIdentifier:
        props.source === undefined
          ? undefined
          : w.regionOfResource(props.source) === w.region
            ? w.ref(props.source)
            : w.att(props.source, 'DBInstanceArn'),
      DBSubnetGroupName: props.subnetGroup === undefined ? undefined : w.ref(props.subnetGroup),
      AvailabilityZone: props.zone,
      AllocatedStorage: String(props.storageGb),
      VPCSecurityGroups: props.securityGroups && props.securityGroups.length > 0 ? props.securityGroups.map(w.ref) : undefined,
    }),
});

export const dbSubnetGroupCodec = codec({
  kind: 'dbSubnetGroup',
  awsType: 'AWS::RDS::DBSubnetGroup',
  usual: true,
  read: (p) => {
    p.expect('DBSubnetGroupDescription', p.env.logicalId);
    return { subnets: p.refs('SubnetIds', ['subnet']) };
  },
  write: (props, w) => ({ DBSubnetGroupDescription: w.logicalId, SubnetIds: props.subnets.map(w.ref) }),
});

const WEBSITE = { IndexDocument: 'index.html' };

export const bucketCodec = codec({
  kind: 'bucket',
  awsType: 'AWS::S3::Bucket',
  usual: true,
  read: (p) => {
    const websiteHosting = p.has('WebsiteConfiguration');
    if (websiteHosting) p.expect('WebsiteConfiguration', WEBSITE);
    return { websiteHosting };
  },
  write: (props) => (props.websiteHosting ? { WebsiteConfiguration: WEBSITE } : {}),
});
