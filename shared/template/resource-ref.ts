// What a Ref or Fn::GetAtt to a resource resolves to while a template is read: a marker naming the resource,
// not yet a string. Where a property expects a reference (a subnet's VpcId, a listener's LoadBalancerArn) the
// marker becomes the resource's id; where a string is needed (Fn::Join, Fn::Sub) it becomes a plausible
// physical name, and that name is remembered so that a string built from it still points at the resource.

import { setOwn, type PlainObject } from './plain-data.ts';

export class ResourceRef {
  /** Index of the stack the resource is declared in. */
  stack: number;
  logicalId: string;
  /** Fn::GetAtt attribute (Arn, DNSName, …); undefined for a Ref. */
  attribute: string | undefined;

  constructor(stack: number, logicalId: string, attribute?: string) {
    this.stack = stack;
    this.logicalId = logicalId;
    this.attribute = attribute;
  }
}

/** AWS::NoValue: the property (or list item) it stands in is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

export const ACCOUNT_ID = '123456789012';

/** Names given to resources when they are turned into strings, so the strings can be traced back. */
export class PhysicalNames {
  private byText = new Map<string, ResourceRef>();

  /** A plausible physical value for a Ref/GetAtt, as CloudFormation would return it. */
  nameOf(ref: ResourceRef, stackName: string, region: string, awsType: string | undefined): string {
    const physical = `${stackName}-${ref.logicalId}`;
    const text = attributeText(physical, ref.attribute, region, awsType);
    if (!this.byText.has(text)) this.byText.set(text, new ResourceRef(ref.stack, ref.logicalId));
    // The bare physical name also identifies the resource inside longer strings ("name.s3.amazonaws.com").
    if (!this.byText.has(physical)) this.byText.set(physical, new ResourceRef(ref.stack, ref.logicalId));
    return text;
  }

  /** The resource a string was made from: the whole string, or its first dot- or slash-separated part. */
  resourceOf(text: string): ResourceRef | undefined {
    const exact = this.byText.get(text);
    if (exact) return exact;
    for (const cut of [text.indexOf('.'), text.indexOf('/')]) {
      if (cut > 0) {
        const found = this.byText.get(text.slice(0, cut));
        if (found) return found;
      }
    }
    return undefined;
  }
}

function attributeText(physical: string, attribute: string | undefined, region: string, awsType: string | undefined): string {
  const elb = elbV2Text(physical, attribute, region, awsType);
  if (elb !== undefined) return elb;
  if (attribute === undefined) return physical;
  const service = serviceOf(awsType);
  if (attribute === 'Arn' || attribute.endsWith('Arn')) {
    return `arn:aws:${service}:${region}:${ACCOUNT_ID}:${physical}`;
  }
  if (/DNSName|DnsName|DomainName|Address$/.test(attribute)) {
    return `${physical.toLowerCase()}.${region}.${service}.amazonaws.com`;
  }
  return `${physical}.${attribute}`;
}

/**
 * ELBv2 resources are known by ARN: a load balancer's, listener's and target group's Ref is its ARN, and the
 * "full names" are the ARN's tail, so that a string cut out of one (CDK's `Fn::Select [1, Fn::Split ['/', Ref
 * Listener]]` for a request-count metric label) agrees with GetAtt LoadBalancerFullName / TargetGroupFullName.
 * The `/<id>` parts are a hash of the physical name: stable for a design, as AWS keeps them for a resource.
 * A load balancer is written as an application one (`app/`): its Type is not known here.
 */
function elbV2Text(physical: string, attribute: string | undefined, region: string, awsType: string | undefined): string | undefined {
  const arn = (tail: string) => `arn:aws:elasticloadbalancing:${region}:${ACCOUNT_ID}:${tail}`;
  const id = hexId(physical);
  if (awsType === 'AWS::ElasticLoadBalancingV2::LoadBalancer') {
    const full = `app/${physical}/${id}`;
    if (attribute === undefined || attribute === 'LoadBalancerArn') return arn(`loadbalancer/${full}`);
    if (attribute === 'LoadBalancerFullName') return full;
    if (attribute === 'LoadBalancerName') return physical;
  } else if (awsType === 'AWS::ElasticLoadBalancingV2::TargetGroup') {
    const full = `targetgroup/${physical}/${id}`;
    if (attribute === undefined || attribute === 'TargetGroupArn') return arn(full);
    if (attribute === 'TargetGroupFullName') return full;
    if (attribute === 'TargetGroupName') return physical;
  } else if (awsType === 'AWS::ElasticLoadBalancingV2::Listener') {
    if (attribute === undefined || attribute === 'ListenerArn') return arn(`listener/app/${physical}/${id}/${hexId(`${physical}/listener`)}`);
  } else if (awsType === 'AWS::ElasticLoadBalancingV2::ListenerRule') {
    if (attribute === undefined || attribute === 'RuleArn') return arn(`listener-rule/app/${physical}/${id}/${hexId(`${physical}/listener`)}/${hexId(`${physical}/rule`)}`);
  }
  return undefined;
}

/** 16 hexadecimal digits from a name (two 32-bit FNV-1a hashes): the id part of an ELBv2 ARN. */
function hexId(text: string): string {
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  return fnv(0x811c9dc5) + fnv(0x050c5d1f);
}

/** "AWS::ElasticLoadBalancingV2::LoadBalancer" → "elasticloadbalancingv2": enough for a plausible ARN. */
function serviceOf(awsType: string | undefined): string {
  return (awsType?.split('::')[1] ?? 'cloudformation').toLowerCase();
}

/**
 * Back to template form: markers become {Ref} / {Fn::GetAtt} again (same stack) or their physical name
 * (another stack's resource), NO_VALUE disappears. Used where a resolved value must be kept for export.
 */
export function unresolve(value: unknown, stack: number, nameOf: (ref: ResourceRef) => string): unknown {
  if (value instanceof ResourceRef) {
    if (value.stack !== stack) return nameOf(value);
    return value.attribute === undefined ? { Ref: value.logicalId } : { 'Fn::GetAtt': [value.logicalId, value.attribute] };
  }
  if (Array.isArray(value)) {
    return value.filter((v) => v !== NO_VALUE).map((v) => unresolve(v, stack, nameOf));
  }
  if (typeof value === 'object' && value !== null) {
    const out: PlainObject = {};
    for (const [k, v] of Object.entries(value)) if (v !== NO_VALUE) setOwn(out, k, unresolve(v, stack, nameOf));
    return out;
  }
  return value === NO_VALUE ? undefined : value;
}
