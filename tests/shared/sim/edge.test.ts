import { describe, expect, it } from 'vitest';
import { catalogue, readCurve } from '../../../shared/catalogue/index.ts';
import { step } from '../../../shared/sim/step.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { designBuilder, scenario } from './builders.ts';
import { runUntil } from './probes.ts';

function origin(opts: { cdnTtlS?: number; waf?: { rateLimit?: number; blockedAreas?: string[] }; flood?: number }): World {
  const d = designBuilder();
  d.stack('web', 'us-east-1');
  const net = d.network('Main', 'us-east-1', ['a', 'b']);
  const tg = d.targetGroup('Targets');
  const lb = d.loadBalancer('Lb', net.subnets, [tg]);
  d.group('Web', net.subnets, [tg], { desired: 4 });
  let acl: number | undefined;
  if (opts.waf) acl = d.add('Acl', 'webAcl', { scope: 'CLOUDFRONT', blockedAreas: opts.waf.blockedAreas ?? [], ...(opts.waf.rateLimit ? { rateLimit: opts.waf.rateLimit } : {}) });
  if (opts.cdnTtlS !== undefined) {
    const dist = d.distribution('Cdn', lb, opts.cdnTtlS);
    if (acl !== undefined) (d.design.resources[dist]!.props as { webAcl?: number }).webAcl = acl;
  }
  const events = opts.flood ? [{ type: 'flood' as const, atS: 0, params: { area: 'asia' as const, rps: opts.flood } }] : [];
  return createWorld(
    d.design,
    scenario({
      traffic: [
        { area: 'north-america', baselineRps: 300 },
        { area: 'europe', baselineRps: 100 },
      ],
      events,
    }),
    8,
  );
}

describe('CloudFront', () => {
  it('cuts the origin load by its hit ratio', () => {
    const direct = origin({});
    const cached = origin({ cdnTtlS: 86400 });
    step(direct);
    step(cached);
    const hit = readCurve(catalogue.cloudFront.staticHitRatioByTtl.points, 86400);
    const staticShare = 0.5;
    expect(cached.scratch.lbRequests[0]! / direct.scratch.lbRequests[0]!).toBeCloseTo(1 - staticShare * hit, 9);
    expect(cached.last.cacheHitRatio).toBeCloseTo(staticShare * hit, 9);
    expect(cached.last.served).toBeCloseTo(cached.last.requests, 6);
  });

  it('caches less with a shorter TTL', () => {
    const short = origin({ cdnTtlS: 60 });
    const long = origin({ cdnTtlS: 86400 });
    step(short);
    step(long);
    expect(short.scratch.lbRequests[0]!).toBeGreaterThan(long.scratch.lbRequests[0]!);
  });

  it('absorbs most of a flood at the edge, and a WAF rate rule drops the rest', () => {
    const bare = origin({ flood: 20000 });
    const edge = origin({ cdnTtlS: 86400, flood: 20000 });
    const guarded = origin({ cdnTtlS: 86400, flood: 20000, waf: { rateLimit: 300 } });
    for (const w of [bare, edge, guarded]) runUntil(w, 60);
    expect(bare.last.shed).toBeGreaterThan(0); // the flood overloads the instances
    expect(edge.scratch.lbRequests[0]!).toBeLessThan(bare.scratch.lbRequests[0]! / 3);
    expect(guarded.scratch.lbRequests[0]!).toBeLessThan(edge.scratch.lbRequests[0]!);
    expect(guarded.last.errors).toBe(0);
  });

  it('a WAF rule that is too strict blocks real users too', () => {
    const strict = origin({ cdnTtlS: 86400, waf: { rateLimit: 100 } });
    step(strict);
    const blocked = 1 - 100 / catalogue.waf.userRequestsPer5MinPerSource.value;
    expect(strict.last.failed / strict.last.requests).toBeCloseTo(blocked, 9);
  });

  it('a geographic rule blocks a whole area', () => {
    const geo = origin({ cdnTtlS: 86400, waf: { blockedAreas: ['europe'] } });
    step(geo);
    expect(geo.last.failed / geo.last.requests).toBeCloseTo(0.25, 1);
  });
});
