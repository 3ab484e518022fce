// The shared session store a scenario's logged-in users can be kept in (shared/sim/sessions.ts): an ElastiCache
// cluster or replication group, or a DynamoDB table, in the design. The game does not model them as board
// pieces: the template loader keeps them as unmodelled resources, and this reads only what decides whether the
// sessions survive. A DynamoDB table is regional (AWS stores it in three AZs); a Redis replication group with
// Multi-AZ or automatic failover promotes a replica in another zone, so it survives a zone. A cache cluster
// (no replication) or a replication group without failover keeps its sessions in one zone (the
// PreferredAvailabilityZone, else the region's first zone — AWS picks one, the game takes the first) and
// they fail while that zone is dark. (A memcached cluster spread cross-az would lose only its dark zone's
// share of keys: the game counts it as one zone.)

import type { Design } from '../../design/model.ts';
import { REGIONS } from '../../geography/regions.ts';
import { regionSlot } from '../bill.ts';
import { regionIndex, ZONES_PER_REGION, zoneIndex } from '../constants.ts';

/** No session store in the design. */
export const NO_STORE = -2;
/** A store that survives the loss of a zone. */
export const STORE_MULTI_AZ = -1;

export interface SessionStoreTopology {
  /** NO_STORE, STORE_MULTI_AZ, or the zone index of a single-node cache. */
  sessionStoreZone: number;
  /** "stack/logicalId" of the store the sessions are kept in ('' without one). */
  sessionStoreLabel: string;
  /**
   * The bill slot (bill.ts) of the store's region when it is a DynamoDB table, billed per request
   * (shared/sim/sessions.ts chargeSessionStore); -1 for a cache (billed by the node-hour) or no store.
   */
  sessionStoreDynamoSlot: number;
}

const STORE_TYPES = new Set(['AWS::ElastiCache::CacheCluster', 'AWS::ElastiCache::ReplicationGroup', 'AWS::DynamoDB::Table']);

export function compileSessionStore(design: Design): SessionStoreTopology {
  let best: SessionStoreTopology = { sessionStoreZone: NO_STORE, sessionStoreLabel: '', sessionStoreDynamoSlot: -1 };
  for (const u of design.unmodelled) {
    if (u.reason !== 'unmodelled-type' || !STORE_TYPES.has(u.type)) continue;
    const stack = design.stacks[u.stack];
    const label = `${stack?.name ?? '?'}/${u.logicalId}`;
    const zone = storeZone(u.type, (u.body.Properties ?? {}) as Record<string, unknown>, stack?.region ?? '');
    // The sturdiest store in the design is the one an application would keep its sessions in.
    const dynamoSlot = u.type === 'AWS::DynamoDB::Table' ? regionSlot(stack?.region ?? '') : -1;
    if (best.sessionStoreZone === NO_STORE || zone === STORE_MULTI_AZ) best = { sessionStoreZone: zone, sessionStoreLabel: label, sessionStoreDynamoSlot: dynamoSlot };
    if (zone === STORE_MULTI_AZ) break;
  }
  return best;
}

function storeZone(type: string, p: Record<string, unknown>, region: string): number {
  if (type === 'AWS::DynamoDB::Table') return STORE_MULTI_AZ;
  if (type === 'AWS::ElastiCache::ReplicationGroup') {
    const on = (v: unknown) => v === true || v === 'true';
    if (on(p.MultiAZEnabled) || on(p.AutomaticFailoverEnabled)) return STORE_MULTI_AZ;
  }
  const azs = p.PreferredCacheClusterAZs;
  const given = typeof p.PreferredAvailabilityZone === 'string' ? p.PreferredAvailabilityZone : Array.isArray(azs) && typeof azs[0] === 'string' ? azs[0] : '';
  const named = given ? zoneIndex(given) : -1;
  if (named >= 0) return named;
  const r = regionIndex(region);
  return r >= 0 && r < REGIONS.length ? r * ZONES_PER_REGION : STORE_MULTI_AZ;
}

/** Cache nodes an ElastiCache resource runs (0 for anything else): what it is billed by the hour for. */
export function cacheNodesOf(type: string, p: Record<string, unknown>): number {
  const count = (v: unknown, fallback: number) => (typeof v === 'number' || (typeof v === 'string' && v !== '') ? Math.max(0, Math.floor(Number(v))) || fallback : fallback);
  if (type === 'AWS::ElastiCache::CacheCluster') return count(p.NumCacheNodes, 1);
  if (type !== 'AWS::ElastiCache::ReplicationGroup') return 0;
  if (p.NumCacheClusters !== undefined) return count(p.NumCacheClusters, 1);
  // Cluster mode: shards × (primary + replicas).
  return count(p.NumNodeGroups, 1) * (count(p.ReplicasPerNodeGroup, 0) + 1);
}
