// CloudFront distributions: origins on the board (a load balancer, a bucket, an instance) found from each
// origin's DomainName, the default behaviour's TTL, the price class and the WAF web ACL.

import type { ResourceId, ResourceKind } from '../../design/model.ts';
import { codec, defined, type WriteContext } from '../codec.ts';
import { isPlainObject } from '../plain-data.ts';
import type { PropertyReader } from '../property-reader.ts';

const ORIGIN_KINDS: ResourceKind[] = ['loadBalancer', 'bucket', 'instance'];
/** CloudFront's default TTL (one day) when a behaviour sets none. */
const DEFAULT_TTL_S = 86_400;
const CUSTOM_ORIGIN = { OriginProtocolPolicy: 'http-only' };
const S3_ORIGIN = {};
const FORWARDED = { QueryString: false };

export const distributionCodec = codec({
  kind: 'distribution',
  awsType: 'AWS::CloudFront::Distribution',
  usual: true,
  indexed: ['DistributionConfig.Origins'],
  read: (p) => {
    const config = p.child('DistributionConfig');
    const behaviour = config.child('DefaultCacheBehavior');
    const defaultOriginId = behaviour.peek('TargetOriginId');

    // The origins on the board, the default behaviour's first; the rest of each origin is kept by position.
    const elements = config.elements('Origins');
    const found = elements.map((e) => {
      const target = e.reader ? e.reader.targetOf(e.reader.peek('DomainName')) : undefined;
      const fits = target && 'resource' in target && ORIGIN_KINDS.includes(target.resource.kind);
      return { ...e, target: fits ? target.resource : undefined };
    });
    const onBoard = found.filter((f) => f.target !== undefined);
    const first = onBoard.find((f) => f.reader?.peek('Id') === defaultOriginId);
    const ordered = first ? [first, ...onBoard.filter((f) => f !== first)] : onBoard;
    const origins: ResourceId[] = [];
    const modelled: PropertyReader[] = [];
    ordered.forEach((f, i) => {
      const r = f.reader!;
      r.value('DomainName');
      r.expect('Id', originId(i));
      if (f.target!.kind === 'bucket') r.expect('S3OriginConfig', S3_ORIGIN);
      else r.expect('CustomOriginConfig', CUSTOM_ORIGIN);
      origins.push(f.target!.id);
      modelled.push(r);
    });
    const others = found.filter((f) => f.target === undefined).map((f) => f.raw);
    if (elements.length > 0) config.finishList('Origins', modelled, others, 'indexed');

    behaviour.expect('TargetOriginId', originId(0));
    behaviour.expect('ViewerProtocolPolicy', 'allow-all');
    if (!behaviour.has('CachePolicyId')) behaviour.expect('ForwardedValues', FORWARDED);
    const defaultTtlS = behaviour.number('DefaultTTL', DEFAULT_TTL_S);
    config.expect('Enabled', true);
    const priceClass = config.choice('PriceClass', ['PriceClass_100', 'PriceClass_200', 'PriceClass_All'] as const, 'PriceClass_All');
    const webAcl = config.ref('WebACLId', ['webAcl']);
    const props = { origins, defaultTtlS, priceClass };
    return webAcl === undefined ? props : { ...props, webAcl };
  },
  write: (props, w) => {
    const keptConfig = isPlainObject(w.kept?.['DistributionConfig']) ? w.kept['DistributionConfig'] : {};
    const keptOrigins = Array.isArray(keptConfig['Origins']) ? keptConfig['Origins'] : [];
    const keptBehaviour = isPlainObject(keptConfig['DefaultCacheBehavior']) ? keptConfig['DefaultCacheBehavior'] : {};
    return {
      DistributionConfig: defined({
        Enabled: true,
        Origins: props.origins.map((id, i) => writeOrigin(id, i, w, keptOrigins[i])),
        DefaultCacheBehavior: defined({
          TargetOriginId: originId(0),
          ViewerProtocolPolicy: 'allow-all',
          ForwardedValues: keptBehaviour['CachePolicyId'] === undefined ? FORWARDED : undefined,
          DefaultTTL: props.defaultTtlS,
        }),
        PriceClass: props.priceClass,
        WebACLId: props.webAcl === undefined ? undefined : w.att(props.webAcl, 'Arn'),
      }),
    };
  },
});

function originId(index: number): string {
  return `Origin${index}`;
}

function writeOrigin(id: ResourceId, index: number, w: WriteContext, kept: unknown): Record<string, unknown> {
  const keptOrigin = isPlainObject(kept) ? kept : {};
  // A kept configuration of the other sort (an S3 website served as a custom origin) replaces the one the
  // kind implies; one of the same sort is merged into it.
  const bucket = w.resource(id)?.kind === 'bucket';
  const other = keptOrigin[bucket ? 'CustomOriginConfig' : 'S3OriginConfig'] !== undefined;
  return defined({
    Id: originId(index),
    DomainName: domainOf(id, w),
    S3OriginConfig: !other && bucket ? S3_ORIGIN : undefined,
    CustomOriginConfig: !other && !bucket ? CUSTOM_ORIGIN : undefined,
  });
}

/** The DNS name of a board resource, as a template gets it from Fn::GetAtt. */
export function domainOf(id: ResourceId, w: WriteContext): unknown {
  switch (w.resource(id)?.kind) {
    case 'bucket':
      return w.att(id, 'RegionalDomainName');
    case 'instance':
      return w.att(id, 'PublicDnsName');
    case 'distribution':
      return w.att(id, 'DomainName');
    case 'accelerator':
      return w.att(id, 'DnsName');
    default:
      return w.att(id, 'DNSName');
  }
}
