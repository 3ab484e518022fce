// Every refusal the server can send: a stable code (clients, tests and translations key on it) and the
// English text shown to the player. One list, so a code and its wording never drift apart.
export const REFUSALS = {
  malformed: 'That request was not understood: it does not have the shape of an intent.',
  'unknown-intent': 'That kind of action does not exist in this game.',
  'unknown-message': 'The server does not accept that kind of message.',
  'too-large': 'That request is too large to accept.',
  'rate-limited': 'Too many actions at once: slow down a little.',
  'unknown-zone': 'There is no such availability zone on this board.',
  'zone-full': 'That availability zone has no room for another component.',
  'not-found': 'That component is no longer on the board.',
  'unknown-stack': 'There is no stack of that name in your design.',
  'unknown-resource': 'Your design has no resource of that name.',
  'duplicate-logical-id': 'That stack already has a resource of that name.',
  'invalid-properties': 'Those settings are not valid for that kind of resource.',
  'dependency-violation': 'Other resources still depend on it: remove or reconnect them first.',
  'cannot-connect': 'Those two resources cannot be connected that way.',
  'not-linked': 'Those two are not connected.',
  'unknown-entry': 'There is no such entry in the palette.',
  'cannot-place': 'That cannot be added to that piece.',
  'place-need-region': 'Click inside a region to place that.',
  'place-need-vpc-zone': "Click a VPC's zone column to place a subnet there.",
  'place-need-vpc': 'Click inside a VPC (add one first with the VPC button).',
  'place-need-subnet': 'Place it in a VPC that has subnets: add a VPC first.',
  'place-need-piece': 'That is added to a piece on the board: select the piece first.',
  'place-vpc-full': 'That VPC has no free address range for another subnet.',
  'nothing-to-undo': 'Nothing of yours to undo.',
  'undo-stale': 'That can no longer be undone: what it changed has changed since.',
  'account-resource': "That is part of the account's default VPC: the game keeps it as AWS made it (a scenario may start without it).",
  'immutable-property': 'AWS cannot change that on a resource that already exists (see the detail).',
  'design-rule': 'That change breaks a rule of the network (see the detail).',
  'design-limit': 'Your design has reached the most resources a team may have.',
  'wrong-phase': 'That cannot be done at this point of the match.',
  'host-only': 'Only the host can do that.',
  'unknown-player': 'There is no such player in this room.',
  'host-seat': "That is the host's own seat: the host cannot be removed or renamed.",
  'already-removed': 'That player has been removed from the room.',
  'not-removed': 'That player has not been removed.',
  'no-team': 'You are not on a team in this match yet.',
  'unknown-team': 'There is no team of that name in this match.',
  'kind-not-allowed': 'This scenario does not offer that kind of component.',
  'internal-error': 'The server hit a fault in this room and closed it; your progress up to the last checkpoint is kept.',
  'not-connected': 'Not sent: the connection is down. It is coming back; try again in a moment.',
  'room-not-found': 'There is no room with that code: check it with whoever shared it, or create a room.',
  'room-locked': 'This class has started and your instructor is not letting new players in. Ask your instructor to open the room.',
  removed: 'Your instructor removed you from this room. Ask your instructor to let you back in.',
  'server-unreachable': 'The game server could not be reached: check the network and try again.',
  'join-refused': 'The room did not let you in (see the detail).',
  'unknown-level': 'There is no published level with that code: check it with whoever shared it.',
  'unknown-level-version': 'That level has no such version: open its link again to play the latest one.',
  'drop-off-board': 'Nothing changed: drop it on the board, inside a region.',
  'drop-need-subnet': 'An instance runs in a subnet: drop it on a subnet to move it there.',
  'drop-database-running': 'A database moves to another zone only before the clock starts; while it runs, RDS changes zone only by a Multi-AZ failover.',
  'drop-stays-home': 'Only an instance (to another subnet) or a database (to another zone) moves by dragging; this piece stays where its settings put it: change them in the inspector.',
} as const;

export type RefusalCode = keyof typeof REFUSALS;

/**
 * The payload of a `refused` message. `detail` names the offending field or value when there is one. The code
 * is one of REFUSALS' keys, or a code of the rules behind them (IAM's AccessDenied, a simulation action's).
 */
export interface Refusal {
  code: RefusalCode | (string & {});
  message: string;
  detail?: string;
}

export function refusal(code: RefusalCode, detail?: string): Refusal {
  return detail === undefined ? { code, message: REFUSALS[code] } : { code, message: REFUSALS[code], detail };
}
