// What a scenario gives a player to start with: the board (a design from assets/, or empty stacks in the
// scenario's regions) and the resource kinds the palette may offer. Pure: the server loads the design file
// and hands it in.

import type { Design, ResourceKind } from '../design/model.ts';
import type { DesignSource, Scenario } from './schema.ts';
import { copyPlain } from '../design/copy.ts';
import { FRESH_ACCOUNT, type Account } from '../account/default-vpc.ts';

/** The account a scenario's stacks run in (its default VPCs, unless the scenario deleted some). */
export function scenarioAccount(scenario: Scenario): Account {
  return scenario.account ? { defaultVpcDeletedIn: [...scenario.account.defaultVpcDeletedIn] } : FRESH_ACCOUNT;
}

/** The manifest the scenario starts from, relative to the assets folder, or undefined for an empty board. */
export function startingManifest(scenario: Scenario): string | undefined {
  return 'design' in scenario.start ? scenario.start.design : undefined;
}

/** The design the scenario starts from (a manifest under assets/, or written inline), or undefined for an empty board. */
export function startingSource(scenario: Scenario): DesignSource | undefined {
  if ('design' in scenario.start) return scenario.start.design;
  if ('stacks' in scenario.start) return scenario.start;
  return undefined;
}

/** The regions of an empty starting board (a design's own stacks say where it is otherwise). */
export function startingRegions(scenario: Scenario): string[] {
  return 'regions' in scenario.start ? [...scenario.start.regions] : [];
}

/** One empty stack per region: somewhere to place the first resource. */
export function emptyBoard(regions: readonly string[]): Design {
  return {
    stacks: regions.map((region) => ({ name: `main-${region}`, region, parameters: {} })),
    resources: [],
    unmodelled: [],
    actions: [],
  };
}

/**
 * The design a team starts the scenario with. `loaded` is the starting manifest, already loaded by the caller
 * (it is ignored for an empty board). Scripted `actions:` of a starting design are not the player's: dropped.
 */
export function startingDesign(scenario: Scenario, loaded?: Design): Design {
  if (startingSource(scenario) === undefined || loaded === undefined) return emptyBoard(startingRegions(scenario).length > 0 ? startingRegions(scenario) : ['us-east-1']);
  return { ...copyPlain(loaded), actions: [] };
}

/** Whether the scenario lets players place a resource of this kind. */
export function kindAllowed(scenario: Scenario, kind: ResourceKind): boolean {
  return scenario.allowedKinds === undefined || scenario.allowedKinds.includes(kind);
}
