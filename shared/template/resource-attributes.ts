// Resource-level template attributes: the board position kept in Metadata, DependsOn, and everything else
// (Condition, DeletionPolicy, UpdatePolicy, …) kept for export in `attributes`.

import type { BoardPosition, ResourceId } from '../design/model.ts';
import { isPlainObject, setOwn, type PlainObject } from './plain-data.ts';

/** The game's own Metadata key for a board position; CloudFormation Designer's position is read too. */
export const BOARD_METADATA = 'FiveNines::Board';
const DESIGNER_METADATA = 'AWS::CloudFormation::Designer';

export interface ReadAttributes {
  position?: BoardPosition;
  dependsOn?: ResourceId[];
  attributes?: PlainObject;
}

/**
 * Splits a template resource's attributes. `idOf` gives the board id of a resource of the same stack, if it
 * is on the board; other DependsOn names are kept as written.
 */
export function readAttributes(body: PlainObject, idOf: (logicalId: string) => ResourceId | undefined): ReadAttributes {
  const out: ReadAttributes = {};
  const attributes: PlainObject = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === 'Type' || key === 'Properties') continue;
    if (key === 'Metadata' && isPlainObject(value)) {
      const position = positionOf(value[BOARD_METADATA]) ?? positionOf(designerPosition(value));
      if (position) out.position = position;
      const rest: PlainObject = {};
      for (const [k, v] of Object.entries(value)) if (k !== BOARD_METADATA) setOwn(rest, k, v);
      if (Object.keys(rest).length > 0) setOwn(attributes, key, rest);
      continue;
    }
    if (key === 'DependsOn' && (typeof value === 'string' || Array.isArray(value))) {
      const names = (Array.isArray(value) ? value : [value]).filter((n): n is string => typeof n === 'string');
      const ids: ResourceId[] = [];
      const others: string[] = [];
      for (const name of names) {
        const id = idOf(name);
        if (id === undefined) others.push(name);
        else if (!ids.includes(id)) ids.push(id);
      }
      if (ids.length > 0) out.dependsOn = ids;
      if (others.length > 0) setOwn(attributes, key, others);
      continue;
    }
    setOwn(attributes, key, value);
  }
  if (Object.keys(attributes).length > 0) out.attributes = attributes;
  return out;
}

/** The attributes of an exported resource: position into Metadata, board DependsOn before the kept names. */
export function writeAttributes(
  resource: { position?: BoardPosition; dependsOn?: ResourceId[]; attributes?: PlainObject },
  logicalIdOf: (id: ResourceId) => string | undefined,
): PlainObject {
  const out: PlainObject = {};
  const kept = resource.attributes ?? {};
  const dependsOn = [
    ...(resource.dependsOn ?? []).map(logicalIdOf).filter((n): n is string => n !== undefined),
    ...(Array.isArray(kept['DependsOn']) ? (kept['DependsOn'] as unknown[]) : []),
  ];
  for (const [key, value] of Object.entries(kept)) {
    if (key !== 'DependsOn' && key !== 'Metadata') setOwn(out, key, value);
  }
  if (dependsOn.length > 0) out['DependsOn'] = dependsOn;
  const metadata: PlainObject = isPlainObject(kept['Metadata']) ? { ...kept['Metadata'] } : {};
  if (resource.position) metadata[BOARD_METADATA] = { x: resource.position.x, y: resource.position.y };
  if (Object.keys(metadata).length > 0) out['Metadata'] = metadata;
  return out;
}

function designerPosition(metadata: PlainObject): unknown {
  const designer = metadata[DESIGNER_METADATA];
  return isPlainObject(designer) ? designer['position'] : undefined;
}

function positionOf(value: unknown): BoardPosition | undefined {
  if (!isPlainObject(value)) return undefined;
  const x = Number(value['x']);
  const y = Number(value['y']);
  return Number.isFinite(x) && Number.isFinite(y) && value['x'] !== null && value['y'] !== null ? { x, y } : undefined;
}
