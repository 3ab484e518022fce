// What updating a property of a modelled resource does, as the game decides it: a new physical resource
// (replacement), a stop and start or reboot (interruption), or nothing visible (none). AWS's resource
// specification (update-semantics.ts) says Immutable (always replaced), Mutable (updated in place) or Conditional
// ("it depends"); the change set shows that as AWS does. The game knows the values, so it decides each Conditional
// property the way the CloudFormation reference documents it ("Update requires:" under each property), and it
// lists the Mutable properties whose in-place update still interrupts the resource. One table, read by the deploy
// (which resources get a new generation: shared/template/physical-generations.ts) and by the simulation (which
// running instances stop and start: shared/sim/update.ts).

import { deepEqual, isPlainObject } from './plain-data.ts';
import { UPDATE_SEMANTICS } from './update-semantics.ts';

export type UpdateBehaviour = 'replacement' | 'interruption' | 'none';

export interface PropertyBehaviour {
  /** AWS's own words for the property's update ("Update requires: …"), and the game's reading of them. */
  aws: string;
  /** The behaviour for this change of value (before → after; undefined: the property is absent). */
  decide: (before: unknown, after: unknown) => UpdateBehaviour;
}

const always = (behaviour: UpdateBehaviour, aws: string): PropertyBehaviour => ({ aws, decide: () => behaviour });

const SOME_INTERRUPTIONS = 'Update requires: Some interruptions';

/** A list or setting that replaces the resource only when it goes from none to some, or from some to none. */
function replacedWhenAddedOrRemoved(aws: string): PropertyBehaviour {
  const empty = (v: unknown) => v === undefined || (Array.isArray(v) && v.length === 0);
  return { aws, decide: (before, after) => (empty(before) !== empty(after) ? 'replacement' : 'none') };
}

function withoutDeleteOnTermination(mappings: unknown): unknown {
  if (!Array.isArray(mappings)) return mappings;
  return mappings.map((m) => {
    if (!isPlainObject(m) || !isPlainObject(m['Ebs'])) return m;
    const { DeleteOnTermination: _ignored, ...ebs } = m['Ebs'];
    return { ...m, Ebs: ebs };
  });
}

/**
 * Every Conditional property of a modelled type, decided, and the Mutable ones that interrupt. The game's
 * instances are EBS-backed (every AMI it offers is), which decides most of AWS::EC2::Instance.
 */
export const UPDATE_BEHAVIOUR: Readonly<Record<string, Readonly<Record<string, PropertyBehaviour>>>> = {
  'AWS::EC2::Instance': {
    AdditionalInfo: always('interruption', SOME_INTERRUPTIONS),
    Affinity: always('interruption', SOME_INTERRUPTIONS),
    BlockDeviceMappings: {
      aws:
        `${SOME_INTERRUPTIONS}. "After the instance is running, you can modify only the DeleteOnTermination parameter for ` +
        'the attached volumes without interrupting the instance. Modifying any other parameter results in instance replacement."',
      decide: (before, after) => (deepEqual(withoutDeleteOnTermination(before), withoutDeleteOnTermination(after)) ? 'none' : 'replacement'),
    },
    EbsOptimized: always('interruption', `${SOME_INTERRUPTIONS}: EC2 changes the attribute of a stopped instance only (a stop and start).`),
    HostId: always('interruption', SOME_INTERRUPTIONS),
    InstanceType: always(
      'interruption',
      `${SOME_INTERRUPTIONS}. "When you change your EBS-backed instance type, instance restart or replacement behavior depends ` +
        'on the instance type compatibility between the old and new types. An instance with an instance store volume as the root ' +
        'volume is always replaced." The game\'s instances are EBS-backed and its types compatible: a stop and start.',
    ),
    KernelId: always('interruption', SOME_INTERRUPTIONS),
    PrivateDnsNameOptions: always('interruption', SOME_INTERRUPTIONS),
    RamdiskId: always('interruption', SOME_INTERRUPTIONS),
    // AWS's page says "Some interruptions"; for an instance in a VPC (every instance the game runs) EC2 changes the
    // security groups of a running instance in place (ModifyInstanceAttribute with --groups), and so does the game.
    SecurityGroupIds: always('none', `${SOME_INTERRUPTIONS}; in a VPC EC2 changes a running instance's security groups in place.`),
    Tenancy: always('interruption', SOME_INTERRUPTIONS),
    UserData: always(
      'interruption',
      `${SOME_INTERRUPTIONS}. "If the root volume is an EBS volume and you update user data, CloudFormation restarts the ` +
        'instance. If the root volume is an instance store volume and you update user data, the instance is replaced."',
    ),
  },
  'AWS::EC2::Subnet': {
    // The game models no IPv6 traffic: associating a block changes nothing it simulates.
    Ipv6CidrBlock: always('none', 'Conditional in the specification; the game models no IPv6, so nothing it runs is interrupted.'),
  },
  'AWS::EC2::VPC': {
    InstanceTenancy: {
      aws:
        '"Updating InstanceTenancy requires no replacement only if you are updating its value from dedicated to default. ' +
        'Updating InstanceTenancy from default to dedicated requires replacement."',
      decide: (before, after) => ((before ?? 'default') === 'dedicated' && (after ?? 'default') === 'default' ? 'none' : 'replacement'),
    },
  },
  'AWS::ElasticLoadBalancing::LoadBalancer': {
    AvailabilityZones: replacedWhenAddedOrRemoved(
      '"Update requires: Replacement if you did not have an Availability Zone specified and you are adding one or if you are ' +
        'removing all Availability Zones. Otherwise, update requires no interruption."',
    ),
    HealthCheck: replacedWhenAddedOrRemoved(
      '"Update requires: Replacement if you did not have a health check specified and you are adding one or if you are ' +
        'removing the health check. Otherwise, update requires no interruption."',
    ),
    Subnets: replacedWhenAddedOrRemoved(
      '"Update requires: Replacement if you did not have a subnet specified and you are adding one or if you are removing all ' +
        'subnets. Otherwise, update requires no interruption."',
    ),
  },
  'AWS::RDS::DBInstance': {
    AutoMinorVersionUpgrade: always('none', 'Update requires: No interruption'),
    AvailabilityZone: always('replacement', 'Update requires: Replacement (a single-AZ database is created again in the new zone).'),
    BackupRetentionPeriod: {
      aws:
        `${SOME_INTERRUPTIONS}: RDS has a brief outage when backups are turned on or off (a period changed from 0 to a ` +
        'positive number or back); changing one positive period to another does not interrupt.',
      decide: (before, after) => (((Number(before ?? 1) === 0) !== (Number(after ?? 1) === 0)) ? 'interruption' : 'none'),
    },
    DBClusterSnapshotIdentifier: always('replacement', 'Update requires: Replacement (a database restored from another snapshot is a new one).'),
    DBParameterGroupName: always(
      'interruption',
      `${SOME_INTERRUPTIONS}. "If the parameter group contains static parameters, whether they were changed or not, an update triggers a reboot."`,
    ),
    DBSnapshotIdentifier: always(
      'replacement',
      'Update requires: Replacement. "If you specify a property that is different from the previous snapshot restore property, a new DB instance is restored from the specified DBSnapshotIdentifier property, and the original DB instance is deleted."',
    ),
    // RDS cannot turn one engine into another in place (MySQL into PostgreSQL): CloudFormation creates a new database.
    Engine: always('replacement', 'Conditional in the specification; another engine is another database, created new.'),
    MultiAZ: always('none', 'Update requires: No interruption (RDS adds or removes the standby while the primary serves).'),
    PerformanceInsightsKMSKeyId: always('replacement', 'Update requires: Replacement'),
    PreferredMaintenanceWindow: always('none', 'Update requires: No interruption (only the window of future maintenance moves).'),
    RestoreTime: always('replacement', 'Update requires: Replacement (a point-in-time restore is a new database).'),
    SourceDBInstanceAutomatedBackupsArn: always('replacement', 'Update requires: Replacement (a restore is a new database).'),
    SourceDBInstanceIdentifier: always('replacement', 'Update requires: Replacement (a replica of another source is a new replica).'),
    SourceDbiResourceId: always('replacement', 'Update requires: Replacement (a restore is a new database).'),
    StorageType: always('interruption', SOME_INTERRUPTIONS),
    UseLatestRestorableTime: always('replacement', 'Update requires: Replacement (a point-in-time restore is a new database).'),
    // Mutable in the specification, yet the database is unavailable while RDS applies them.
    DBInstanceClass: always('interruption', `${SOME_INTERRUPTIONS}: the database restarts on the new class (the simulation's class change).`),
    EngineVersion: always('interruption', `${SOME_INTERRUPTIONS}: the engine restarts on the new version.`),
    MonitoringInterval: always('interruption', SOME_INTERRUPTIONS),
    CACertificateIdentifier: always('interruption', '"Specifying or updating this property triggers a reboot."'),
  },
};

/**
 * What changing `property` of a `resourceType` from `before` to `after` does: the table's decision, else the
 * specification's (Immutable: replacement; Mutable: none). A Conditional property of a type the game does not
 * model is left to AWS: the game runs nothing of it, so it says none.
 */
export function updateBehaviour(resourceType: string, property: string, before: unknown, after: unknown): UpdateBehaviour {
  const decided = UPDATE_BEHAVIOUR[resourceType]?.[property];
  if (decided) return decided.decide(before, after);
  if (UPDATE_SEMANTICS[resourceType]?.Immutable?.includes(property)) return 'replacement';
  return 'none';
}

/**
 * AWS's words for updating `property` of `resourceType`, as the change set shows them beside the game's decision:
 * the table's own where it decides the property, else the specification's UpdateType in the reference's wording.
 */
export function updateWording(resourceType: string, property: string): string {
  const decided = UPDATE_BEHAVIOUR[resourceType]?.[property];
  if (decided) return decided.aws;
  const semantics = UPDATE_SEMANTICS[resourceType];
  if (semantics?.Immutable?.includes(property)) return 'Update requires: Replacement';
  if (semantics?.Mutable?.includes(property)) return 'Update requires: No interruption';
  return 'Update requires: Conditional (AWS decides from the values; the game runs nothing it would interrupt).';
}

const RANK: Record<UpdateBehaviour, number> = { none: 0, interruption: 1, replacement: 2 };

/** The stronger of two behaviours (replacement over interruption over none). */
export function strongerBehaviour(a: UpdateBehaviour, b: UpdateBehaviour): UpdateBehaviour {
  return RANK[b] > RANK[a] ? b : a;
}

/**
 * The properties of `resourceType` whose change interrupts it (without replacing it), in the table's order: what
 * the simulation stops and starts an instance for, whether a deploy or a board gesture changed it. `before` and
 * `after` give a property's value by its template name (InstanceType, UserData, …). Called at every rebuild for
 * every running instance: no allocation unless something changed.
 */
export function interruptingChanges(resourceType: string, before: (name: string) => unknown, after: (name: string) => unknown): string[] {
  const table = UPDATE_BEHAVIOUR[resourceType];
  let found: string[] | undefined;
  if (table) {
    for (const name in table) {
      const b = before(name);
      const a = after(name);
      if (b === a || deepEqual(b, a)) continue;
      if (table[name]!.decide(b, a) === 'interruption') (found ??= []).push(name);
    }
  }
  return found ?? NOTHING;
}

const NOTHING: string[] = [];
