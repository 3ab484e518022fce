// Route 53: record sets (simple, weighted, latency, failover; alias or plain records) and health checks.

import type { ResourceId, ResourceKind } from '../../design/model.ts';
import { codec, defined, type WriteContext } from '../codec.ts';
import type { PropertyReader } from '../property-reader.ts';
import { domainOf } from './distribution.ts';
import { dnsHealthCheckDefaults } from '../../catalogue/defaults.ts';

const TARGET_KINDS: ResourceKind[] = ['loadBalancer', 'distribution', 'accelerator', 'bucket', 'instance'];
/** Kinds a record reaches by alias (the rest, instances, by their public address). */
const ALIAS_KINDS: ResourceKind[] = ['loadBalancer', 'distribution', 'accelerator', 'bucket'];
/** Alias records answer with the target's TTL, 60 s for ELB and CloudFront. */
const ALIAS_TTL_S = 60;
const RECORD_TTL_S = 300;

export const recordSetCodec = codec({
  kind: 'recordSet',
  awsType: 'AWS::Route53::RecordSet',
  usual: true,
  read: (p) => {
    const name = p.text('Name', '');
    const recordType = p.text('Type', 'A');
    const setIdentifier = p.optionalText('SetIdentifier');
    const weight = p.optionalNumber('Weight');
    const region = p.optionalText('Region');
    const failover = p.has('Failover') ? p.choice('Failover', ['PRIMARY', 'SECONDARY'] as const, 'PRIMARY') : undefined;
    const healthCheck = p.ref('HealthCheckId', ['healthCheck']);
    let target: ResourceId | undefined;
    let evaluateTargetHealth = false;
    let ttlS: number;
    if (p.has('AliasTarget')) {
      const alias = p.child('AliasTarget');
      target = alias.ref('DNSName', TARGET_KINDS);
      // The hosted zone of an alias follows from its target; the exporter writes it again.
      if (target !== undefined) alias.value('HostedZoneId');
      evaluateTargetHealth = alias.flag('EvaluateTargetHealth', false);
      ttlS = p.number('TTL', ALIAS_TTL_S);
    } else {
      target = readRecordTarget(p);
      ttlS = p.number('TTL', RECORD_TTL_S);
    }
    const policy = failover !== undefined ? 'failover' : weight !== undefined ? 'weighted' : region !== undefined ? 'latency' : 'simple';
    return defined({ name, recordType, policy, target, setIdentifier, weight, region, failover, healthCheck, evaluateTargetHealth, ttlS }) as {
      name: string;
      recordType: string;
      policy: 'simple';
      evaluateTargetHealth: boolean;
      ttlS: number;
    };
  },
  write: (props, w) => {
    const kind = props.target === undefined ? undefined : w.resource(props.target)?.kind;
    // Route 53 aliases an AWS resource by an A or AAAA record; a CNAME (and an instance) lists its value.
    const byAlias = kind !== undefined && ALIAS_KINDS.includes(kind) && (props.recordType === 'A' || props.recordType === 'AAAA');
    return defined({
      Name: props.name,
      Type: props.recordType,
      SetIdentifier: props.setIdentifier,
      Weight: props.weight,
      Region: props.region,
      Failover: props.failover,
      HealthCheckId: props.healthCheck === undefined ? undefined : w.ref(props.healthCheck),
      AliasTarget: byAlias ? aliasOf(props.target!, props.evaluateTargetHealth, w) : undefined,
      ResourceRecords: props.target !== undefined && !byAlias ? [recordValueOf(props.target, w)] : undefined,
      TTL: byAlias && props.ttlS === ALIAS_TTL_S ? undefined : String(props.ttlS),
    });
  },
});

/** A plain record points at a board resource when its one value is that resource's address or name. */
function readRecordTarget(p: PropertyReader): ResourceId | undefined {
  const values = p.peek('ResourceRecords');
  if (!Array.isArray(values) || values.length !== 1) return undefined;
  const target = p.targetOf(values[0]);
  if (!('resource' in target) || !TARGET_KINDS.includes(target.resource.kind)) return undefined;
  p.value('ResourceRecords');
  return target.resource.id;
}

function recordValueOf(id: ResourceId, w: WriteContext): unknown {
  return w.resource(id)?.kind === 'instance' ? w.att(id, 'PublicIp') : domainOf(id, w);
}

/** Route 53's fixed hosted zones for CloudFront and Global Accelerator aliases. */
const CLOUDFRONT_ZONE = 'Z2FDTNDATAQYW2';
const ACCELERATOR_ZONE = 'Z2BJ6XQ5FK7U4H';

function aliasOf(id: ResourceId, evaluateTargetHealth: boolean, w: WriteContext): Record<string, unknown> {
  const kind = w.resource(id)?.kind;
  const zone =
    kind === 'distribution'
      ? CLOUDFRONT_ZONE
      : kind === 'accelerator'
        ? ACCELERATOR_ZONE
        : kind === 'bucket'
          ? w.att(id, 'RegionalHostedZoneId')
          : w.att(id, 'CanonicalHostedZoneID');
  return { DNSName: domainOf(id, w), HostedZoneId: zone, EvaluateTargetHealth: evaluateTargetHealth };
}

export const healthCheckCodec = codec({
  kind: 'healthCheck',
  awsType: 'AWS::Route53::HealthCheck',
  usual: true,
  read: (p) => {
    const config = p.child('HealthCheckConfig');
    const protocol = config.text('Type', 'HTTP');
    const target = config.ref('FullyQualifiedDomainName', TARGET_KINDS) ?? config.ref('IPAddress', ['instance']);
    const path = config.optionalText('ResourcePath');
    return defined({
      target,
      protocol,
      intervalS: config.number('RequestInterval', dnsHealthCheckDefaults().intervalS),
      failureThreshold: config.number('FailureThreshold', dnsHealthCheckDefaults().failureThreshold),
      path,
    }) as { protocol: string; intervalS: number; failureThreshold: number };
  },
  write: (props, w) => {
    const byAddress = props.target !== undefined && w.resource(props.target)?.kind === 'instance';
    return {
      HealthCheckConfig: defined({
        Type: props.protocol,
        FullyQualifiedDomainName: props.target !== undefined && !byAddress ? domainOf(props.target, w) : undefined,
        IPAddress: byAddress ? w.att(props.target!, 'PublicIp') : undefined,
        ResourcePath: props.path,
        RequestInterval: props.intervalS,
        FailureThreshold: props.failureThreshold,
      }),
    };
  },
});
