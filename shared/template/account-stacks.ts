// How the stacks of a design see the account: the default VPC of each region is read as the account's own
// stack (appended after the manifest's stacks, so the stacks' resource ids never depend on it) and kept on the
// board only when a stack uses it. Texts name things as AWS does: a default VPC part by its physical id
// (`subnet-default-us-east-1a`), a board resource by its physical id (`web-PublicSubnet`) or `stack/LogicalId`.

import { ACCOUNT_KEY_PAIR, defaultVpcPartOf, hasDefaultVpc, physicalIdOfDefaultPart, type Account } from '../account/default-vpc.ts';
import { referencesOf } from '../design/references.ts';
import type { Resource } from '../design/model.ts';
import type { AccountDirectory } from './parameter-types.ts';
import { isPlainObject, type PlainObject } from './plain-data.ts';
import { ResourceRef } from './resource-ref.ts';
import type { PreparedStack } from './stack-setup.ts';

interface NamedStack {
  name: string;
  region: string;
}

/** The physical value of a default VPC part (a Ref, or GetAtt of an id-like attribute), as AWS returns it. */
export function accountNameOf(region: string, logicalId: string, attribute: string | undefined): string {
  const physical = physicalIdOfDefaultPart(region, logicalId) ?? `${logicalId.toLowerCase()}-${region}`;
  if (attribute === undefined || /Id$/.test(attribute)) return physical;
  return `${physical}.${attribute}`;
}

/** A default VPC part named by its physical id, as a reference into its region's account stack (if read). */
export function accountRefOf(text: string, accountStackOf: (region: string) => number | undefined): ResourceRef | undefined {
  const part = defaultVpcPartOf(text);
  if (!part) return undefined;
  const stack = accountStackOf(part.region);
  return stack === undefined ? undefined : new ResourceRef(stack, part.logicalId);
}

/** A resource of a manifest stack named by its physical id (`stack-LogicalId`) or `stack/LogicalId`. */
export function boardRefOf(text: string, stacks: readonly NamedStack[], prepared: readonly PreparedStack[]): ResourceRef | undefined {
  const found = findBoardResource(text, stacks, (index) => prepared[index]?.scope.resources ?? {});
  return found ? new ResourceRef(found.index, found.logicalId) : undefined;
}

function findBoardResource(
  text: string,
  stacks: readonly NamedStack[],
  resourcesOf: (index: number) => PlainObject,
): { index: number; logicalId: string; body: unknown } | undefined {
  const slash = text.indexOf('/');
  for (let index = 0; index < stacks.length; index++) {
    const name = stacks[index]!.name;
    let logicalId: string | undefined;
    if (slash > 0 && text.slice(0, slash) === name) logicalId = text.slice(slash + 1);
    else if (text.startsWith(`${name}-`)) logicalId = text.slice(name.length + 1);
    const resources = resourcesOf(index);
    if (logicalId !== undefined && Object.hasOwn(resources, logicalId)) return { index, logicalId, body: resources[logicalId] };
  }
  return undefined;
}

/** What parameter values may name: the region's default VPC (unless deleted) and the manifest stacks' resources. */
export function accountDirectory(account: Account, stacks: readonly NamedStack[], templates: readonly PlainObject[]): AccountDirectory {
  const resourcesOf = (index: number) => {
    const r = templates[index]?.['Resources'];
    return isPlainObject(r) ? r : {};
  };
  return {
    hasDefaultVpc: (region) => hasDefaultVpc(account, region),
    keyPairExists: (name, region, asking) =>
      name === ACCOUNT_KEY_PAIR || stacks.some((s, index) => s.name !== asking && s.region === region && keyPairNamesOf(resourcesOf(index)).includes(name)),
    lookup: (text, region) => {
      const part = defaultVpcPartOf(text);
      if (part) return part.region === region && hasDefaultVpc(account, region) ? { physicalId: text, awsType: part.awsType } : undefined;
      const found = findBoardResource(text, stacks, resourcesOf);
      if (!found || stacks[found.index]!.region !== region) return undefined;
      const type = isPlainObject(found.body) && typeof found.body['Type'] === 'string' ? found.body['Type'] : '';
      return { physicalId: `${stacks[found.index]!.name}-${found.logicalId}`, awsType: type };
    },
  };
}

/**
 * The key pairs a stack's resources make: each AWS::EC2::KeyPair's KeyName as written. A stack's own key pair
 * does not exist yet when CloudFormation checks that stack's parameters, so the caller leaves the asking stack out.
 */
function keyPairNamesOf(resources: PlainObject): string[] {
  return Object.values(resources).flatMap((body) => {
    if (!isPlainObject(body) || body['Type'] !== 'AWS::EC2::KeyPair' || !isPlainObject(body['Properties'])) return [];
    const name = body['Properties']['KeyName'];
    return typeof name === 'string' ? [name] : [];
  });
}

/** The regions whose account stack a resource of the manifest's stacks refers to, in the stacks' order. */
export function usedAccountRegions(resources: readonly Resource[], prepared: readonly PreparedStack[]): string[] {
  const isAccount = (stack: number) => prepared[stack]?.stack.account === true;
  const used = new Set<number>();
  const byId = new Map(resources.map((r) => [r.id, r]));
  for (const r of resources) {
    if (isAccount(r.stack)) continue;
    for (const id of referencesOf(r)) {
      const target = byId.get(id);
      if (target && isAccount(target.stack)) used.add(target.stack);
    }
  }
  return prepared.flatMap((s, index) => (used.has(index) ? [s.stack.region] : []));
}
