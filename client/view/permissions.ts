// Whether the player's policy lets them place what a palette entry creates: the server's own IAM rules
// (shared/iam's authorize, shared/match's API call names) asked on the client when the directory is on the
// wire (the host's view), else learnt from the AccessDenied answers the player got.
import { authorize } from '../../shared/iam/authorize.ts';
import type { Directory } from '../../shared/iam/directory.ts';
import type { Principal } from '../../shared/iam/principals.ts';
import { resourceArn } from '../../shared/iam/arn.ts';
import { arnPartsOf, createActionOf } from '../../shared/match/api-calls.ts';
import type { MatchSnapshot } from '../net/snapshot.ts';
import { PALETTE } from '../../shared/design/plans/palette.ts';
import { mfaSignedIn } from '../../shared/iam/mfa.ts';
import { CONSOLE_SOURCE_IP } from '../../shared/iam/source-ip.ts';

function principalOf(text: string): Principal | undefined {
  if (text === 'root' || text === '') return { kind: 'root' };
  if (text.startsWith('user/')) return { kind: 'user', name: text.slice('user/'.length) };
  return undefined;
}

/** Entry ids the player may not use, by the policies the client can see. */
export function deniedEntries(match: MatchSnapshot): Set<string> {
  const out = new Set<string>();
  const principal = principalOf(match.me?.principal ?? '');
  if (!principal || principal.kind === 'root' || !match.directory) return out;
  let directory: Directory;
  try {
    directory = JSON.parse(match.directory) as Directory;
  } catch {
    return out;
  }
  const region = match.board.stacks[0]?.region ?? 'us-east-1';
  // The request context the room gives this player (shared/match/apply.ts requestContextOf): MFA once their
  // user has a device, from the office console's address.
  const context = { mfa: principal.kind === 'user' && mfaSignedIn(directory, principal.name), region, sourceIp: CONSOLE_SOURCE_IP };
  for (const entry of PALETTE) {
    for (const kind of entry.creates) {
      const { service, type } = arnPartsOf(kind);
      const arn = resourceArn({ service, region, type, name: `${match.board.stacks[0]?.name ?? 'main'}/*` });
      if (!authorize(directory, principal, createActionOf(kind), arn, context, match.simS).ok) out.add(entry.id);
    }
  }
  return out;
}

/** The host of a classroom competition watches the teams' boards and builds on none (the room refuses: no-team). */
export function watchesOnly(match: MatchSnapshot): boolean {
  return match.mode === 'classroom' && match.me?.host === true;
}
