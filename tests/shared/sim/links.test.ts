import { describe, expect, it } from 'vitest';
import { meshGrowth, peeringMeshLinks, peeringMeshRoutes, transitGatewayLinks, transitGatewayRoutes, unreachablePairs } from '../../../shared/sim/links.ts';

describe('VPC connectivity', () => {
  it('a full peering mesh needs more links than a Transit Gateway beyond three VPCs', () => {
    expect(peeringMeshLinks(2)).toBe(1);
    expect(peeringMeshLinks(3)).toBe(3);
    expect(transitGatewayLinks(3)).toBe(3);
    for (let n = 4; n <= 50; n++) expect(peeringMeshLinks(n)).toBeGreaterThan(transitGatewayLinks(n));
    expect(peeringMeshLinks(10)).toBe(45);
    expect(transitGatewayLinks(10)).toBe(10);
  });

  it('a VPC joining a mesh of n needs n peerings and 2n routes; a hub one attachment and one route', () => {
    expect(meshGrowth(4)).toEqual({ peerings: 4, routes: 8 });
    for (let n = 1; n <= 20; n++) expect(peeringMeshRoutes(n + 1) - peeringMeshRoutes(n)).toBe(meshGrowth(n).routes);
    expect(peeringMeshRoutes(5)).toBe(20);
    expect(transitGatewayRoutes(5)).toBe(5);
  });

  it('peering is not transitive: a chain leaves pairs unconnected', () => {
    expect(unreachablePairs(3, [[0, 1], [1, 2]])).toBe(1);
    expect(unreachablePairs(3, [[0, 1], [1, 2], [0, 2]])).toBe(0);
  });
});
