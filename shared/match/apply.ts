import { findByRef } from '../design/edits.ts';
import type { Design, DesignNotice } from '../design/model.ts';
import { resourceArn, userArn, assumedRoleArn, ROOT_ARN } from '../iam/arn.ts';
import { authorize } from '../iam/authorize.ts';
import { kindAllowed, scenarioAccount } from '../scenario/start.ts';
import type { Principal as IamPrincipal } from '../iam/principals.ts';
import { sessionExpired } from '../iam/roles.ts';
import type { RequestContext } from '../iam/conditions.ts';
import { mfaSignedIn } from '../iam/mfa.ts';
import { customerPolicyArn } from '../iam/arn.ts';
import { CONSOLE_SOURCE_IP } from '../iam/source-ip.ts';
import { refusal, type Refusal } from '../protocol/refusals.ts';
import { applyAction, adoptDesign } from '../sim/actions.ts';
import { createWorld } from '../sim/world.ts';
import type { Principal, TrailEvent } from '../trail/event.ts';
import { commandClock, isFinishing } from './clock.ts';
import { apiCallOf, arnPartsOf, createActionOf, type ApiCall } from './api-calls.ts';
import { changeStacks, STACK_INTENTS, kindIn } from './apply-design.ts';
import { applyGesture, forgetUndoIn, isGesture } from './apply-gesture.ts';
import { changeIam, iamResourceOf, type Assignment } from './apply-iam.ts';
import { injectEvent } from './inject.ts';
import { isHostIntent, type MatchIntent } from './intents.ts';
import { simSeconds, teamOf, type Actor, type Match, type Team } from './match.ts';
import { copyPlain } from '../design/copy.ts';
import { withPreviousValues } from '../template/previous-values.ts';
import { appliedStackEvents, deletedStackEventsOf, recordStackEvents, refusedStackEvents } from './stack-trail.ts';
import { noteKept } from './kept-timeline.ts';
import { topicArnOf } from '../sns/topic-arn.ts';
import { carrySubscriptions } from '../sim/topic-subscriptions.ts';
import { leakedKeysWorking, stopLeakedKeys } from './leaked-keys.ts';

// One intent from one actor, applied to the match: checked for the phase, the sender's seat and permissions,
// carried out through the shared rules, and recorded in CloudTrail either way. A refusal changes nothing
// but the log.

export interface Applied {
  ok: boolean;
  refusal?: Refusal;
  warnings?: string[];
  /** The same warnings as codes and values (the loader's issues), said by the client in its player's language. */
  notices?: DesignNotice[];
  /** For the room to keep on the actor's seat: a role assumed (or dropped, null) or a user handed out. */
  session?: Actor['session'] | null;
  assign?: Assignment;
}

/**
 * A player holding a role session acts with it, expired or not: STS refuses every call made with expired
 * temporary credentials (ExpiredToken, iam/authorize.ts) rather than falling back to the user's own keys.
 */
function iamPrincipalOf(actor: Actor): IamPrincipal {
  if (actor.session) return { kind: 'role-session', session: actor.session };
  return actor.identity.kind === 'root' ? { kind: 'root' } : { kind: 'user', name: actor.identity.name };
}

function trailPrincipalOf(actor: Actor): Principal {
  const p = iamPrincipalOf(actor);
  if (p.kind === 'root') return { type: 'Root', name: `root (${actor.nickname})`, arn: ROOT_ARN };
  if (p.kind === 'user') return { type: 'IAMUser', name: p.name, arn: userArn(p.name) };
  return { type: 'AssumedRole', name: `${p.session.role}/${p.session.sessionName}`, arn: assumedRoleArn(p.session.role, p.session.sessionName) };
}

/** The IAM resource of a design or run-time intent: the ARN of the resource it acts on. */
function resourceOf(design: Design, intent: MatchIntent): { arn: string; region?: string; ref?: string } {
  const named = 'target' in intent && typeof intent.target === 'string' ? intent.target : 'from' in intent ? intent.from : undefined;
  if (intent.type === 'createResource') {
    const stack = design.stacks.find((s) => s.name === intent.stack);
    const { service, type } = arnPartsOf(intent.kind);
    const name = `${intent.stack}/${intent.logicalId ?? '*'}`;
    return { arn: resourceArn({ service, region: stack?.region ?? '', type, name }), ...(stack ? { region: stack.region } : {}), ref: name };
  }
  if (named !== undefined) {
    const r = findByRef(design, named);
    if (!r) return { arn: '*', ref: named };
    const region = design.stacks[r.stack]?.region ?? '';
    const { service, type } = arnPartsOf(r.kind);
    return { arn: resourceArn({ service, region, type, name: named }), region, ref: named };
  }
  if (intent.type === 'subscribe' || intent.type === 'unsubscribe') {
    const topic = topicArnOf(design, intent.topic);
    return topic ? { ...topic, ref: intent.topic } : { arn: '*', ref: intent.topic };
  }
  if ('stack' in intent) {
    const region = 'region' in intent ? intent.region : design.stacks.find((s) => s.name === intent.stack)?.region;
    return { arn: resourceArn({ service: 'cloudformation', region: region ?? '', type: 'stack', name: intent.stack }), ...(region ? { region } : {}), ref: intent.stack };
  }
  return { arn: '*' };
}

/**
 * The tick an intent is applied in: its id (the log's length when the tick began, so it stays unique across a
 * restart) is written on each input so that a replay applies the same intents together, and the designs the
 * tick's intents changed wait in `pending` to be compiled into their worlds once, at the end (tick.ts).
 */
export interface TickContext {
  id: number;
  pending: Map<Team, Design>;
}

/** One CloudTrail entry. `input`: it carries what the actor asked for, which a replay applies again. */
function record(match: Match, actor: Actor, params: Record<string, unknown>, call: ApiCall, resource: string | undefined, wallMs: number, refused?: Refusal, input = true, tick?: TickContext): void {
  const nowS = simSeconds(match);
  const event: TrailEvent = {
    seq: match.trail.length,
    simS: nowS,
    wallMs,
    team: actor.team,
    principal: trailPrincipalOf(actor),
    eventSource: call.eventSource,
    eventName: call.eventName,
    params,
    outcome: refused ? 'Failure' : 'Success',
    ...(resource !== undefined ? { resource } : {}),
    ...(refused ? { errorCode: refused.code, errorMessage: refused.message } : {}),
    ...(input ? { userIdentity: copyPlain(actor) as unknown as Record<string, unknown>, ...(tick ? { tick: tick.id } : {}) } : {}),
  };
  match.trail.push(event);
}

/**
 * Whether the actor's requests carry aws:MultiFactorAuthPresent = true. Players act through the console, so the
 * key is always present: root signs in with MFA; an IAM user once they have enabled a device (IAM then asks for
 * its code at sign-in); a role session as its user was when assuming it.
 */
export function actorMfa(match: Match, actor: Actor): boolean {
  const nowS = simSeconds(match);
  if (actor.session && !sessionExpired(actor.session, nowS)) return actor.session.mfa ?? false;
  if (actor.identity.kind === 'root') return actor.mfa;
  return actor.mfa || mfaSignedIn(match.directory, actor.identity.name);
}

/** The request context of an actor's call: MFA as signed in, the console's address, the region aimed at. */
export function requestContextOf(match: Match, actor: Actor, region: string | undefined): RequestContext {
  const base = { mfa: actorMfa(match, actor), sourceIp: CONSOLE_SOURCE_IP };
  return region ? { ...base, region } : base;
}

/** Checks one IAM action for the actor; AccessDenied is a refusal like any other. */
function permit(match: Match, actor: Actor, action: string | undefined, resource: string, region: string | undefined): Refusal | undefined {
  if (action === undefined) return undefined;
  const nowS = simSeconds(match);
  const decision = authorize(match.directory, iamPrincipalOf(actor), action, resource, requestContextOf(match, actor, region), nowS);
  return decision.ok ? undefined : { code: decision.code, message: decision.message };
}

/** Puts a team on a new design: rebuilt warm before the clock starts, carried over once it runs. */
function adopt(match: Match, team: Team, design: Design, tick?: TickContext): void {
  if (tick) {
    tick.pending.set(team, design);
    return;
  }
  adoptNow(match, team, design);
}

/** Compiles every design the tick changed into its world, once each. */
export function compilePending(match: Match, tick: TickContext): void {
  for (const [team, design] of tick.pending) adoptNow(match, team, design);
  tick.pending.clear();
}

/** Compiles a design into its team's world now. */
export function adoptNow(match: Match, team: Team, design: Design): void {
  if (match.clock.step === 0) {
    // A world made again before the clock starts keeps what the SNS console subscribed.
    const before = team.world;
    team.world = createWorld(design, match.scenario, match.seed);
    carrySubscriptions(before, team.world);
  } else adoptDesign(team.world, design);
}

/** The IAM users of the account who change security groups by hand (events `security-group-change`, timed or random). */
export function colleagueUsers(scenario: Match['scenario']): string[] {
  const events = [...scenario.events, ...(scenario.random ?? []).map((r) => r.event)];
  return [...new Set(events.flatMap((e) => (e.type === 'security-group-change' ? [e.params.user] : [])))];
}

/** The IAM users whose keys a scenario leaks. */
export function leakedUsers(scenario: Match['scenario']): string[] {
  return [...new Set(scenario.events.flatMap((e) => (e.type === 'leaked-credentials' ? [e.params.user] : [])))];
}

/**
 * Who acts for an intent. The console switches role and switches back with the player's own sign-in (IAM's
 * "Switch role" and "Switch back"), whether the role's temporary credentials are still valid or have expired;
 * every other call is made with the role's credentials, and refused once they have expired.
 */
function actingActor(match: Match, actor: Actor, intent: MatchIntent): Actor {
  if (!actor.session) return actor;
  if (intent.type !== 'iam' || (intent.request.op !== 'assumeRole' && intent.request.op !== 'dropRole')) return actor;
  const { session: _expired, ...own } = actor;
  return own;
}

/** Applies one intent; inside a tick (`tick`), design changes are compiled into the worlds when the tick says. */
export function applyIntent(match: Match, seated: Actor, intent: MatchIntent, wallMs: number, tick?: TickContext): Applied {
  const actor = actingActor(match, seated, intent);
  const team = teamOf(match, actor.team);
  const design = (team && tick?.pending.get(team)) ?? team?.world.design ?? { stacks: [], resources: [], unmodelled: [], actions: [] };
  // Intents that act on running worlds (run-time actions, chaos, IAM revoking leaked keys) see every edit before them.
  if (tick && tick.pending.size > 0 && !isGesture(intent) && !['createStack', 'deployStack', 'deleteStack', 'clock', 'speed'].includes(intent.type)) compilePending(match, tick);
  const call = apiCallOf(intent, kindIn(design));
  const gesture = isGesture(intent);
  const target =
    intent.type === 'iam' ? { arn: iamResourceOf(intent.request, actor.identity.kind === 'user' ? actor.identity.name : undefined) } : gesture ? { arn: '*' } : resourceOf(design, intent);
  const logged = target.ref ?? (target.arn === '*' ? undefined : target.arn);
  const params = (gesture ? { gesture: intent } : intent) as Record<string, unknown>;
  const refuse = (why: Refusal): Applied => {
    record(match, actor, params, call, logged, wallMs, why, true, tick);
    return { ok: false, refusal: why };
  };

  if (match.clock.phase === 'results' && intent.type !== 'iam') return refuse(refusal('wrong-phase', 'the match is over'));
  // Ended early and being played out as built: nothing may change what the rest of the scenario measures.
  if (isFinishing(match.clock)) return refuse(refusal('wrong-phase', 'the match is being played out to its end'));
  if (isHostIntent(intent)) {
    if (!actor.host) return refuse(refusal('host-only'));
  } else if (intent.type !== 'iam' && !team) {
    return refuse(refusal('no-team'));
  }
  if (intent.type === 'iam' && (intent.request.op === 'assignUser' || intent.request.op === 'signInAsRoot') && !actor.host) return refuse(refusal('host-only'));
  if (gesture) {
    // A gesture's calls are checked one by one (apply-gesture.ts): each needs its own permission.
    return applyGesture(match, team!, actor, intent, design, {
      record: (p, c, resource, input, refused) => record(match, actor, p, c, resource, wallMs, refused, input, tick),
      permit: (action, arn, region) => permit(match, actor, action, arn, region),
      adopt: (next) => adopt(match, team!, next, tick),
    });
  }
  const denied = permit(match, actor, call.action, target.arn, target.region);
  if (denied) return refuse(denied);

  const done = (extra: Omit<Applied, 'ok'> = {}): Applied => {
    if (call.action && team && !team.actionsUsed.includes(call.action)) team.actionsUsed.push(call.action);
    record(match, actor, params, call, logged, wallMs, undefined, true, tick);
    return { ok: true, ...extra };
  };

  switch (intent.type) {
    case 'clock':
    case 'speed': {
      const result = commandClock(match.clock, intent.type === 'speed' ? { command: 'speed', speed: intent.speed } : { command: intent.command });
      if (!result.ok) return refuse(result.refusal);
      match.clock = result.clock;
      return done();
    }
    case 'inject': {
      const result = injectEvent(match, intent.event, intent.teams);
      return result ? refuse(result) : done();
    }
    case 'iam': {
      const acting = actor.identity.kind === 'user' ? actor.identity.name : undefined;
      // A generated policy is saved as a customer managed policy: that is iam:CreatePolicy, checked too.
      if (intent.request.op === 'generatePolicy') {
        const denied = permit(match, actor, 'iam:CreatePolicy', customerPolicyArn(intent.request.name), undefined);
        if (denied) return refuse(denied);
      }
      const result = changeIam(match.directory, intent.request, acting, simSeconds(match), match.trail, actorMfa(match, actor));
      if (!result.ok) return refuse({ code: result.code, message: result.message, ...(result.field ? { detail: result.field } : {}) });
      // Temporary credentials carry the MFA state their user signed in with.
      if (result.session) result.session = { ...result.session, mfa: actorMfa(match, actor) };
      if (result.directory) {
        const before = leakedKeysWorking(match);
        match.directory = result.directory;
        stopLeakedKeys(match, before);
      }
      return done({
        ...(result.session !== undefined ? { session: result.session } : {}),
        ...(result.assign ? { assign: result.assign } : {}),
      });
    }
    case 'setDesiredCapacity':
    case 'startInstanceRefresh':
    case 'promoteReplica':
    case 'reboot':
    case 'modifyDbClass': {
      const [stack, logicalId] = intent.target.split('/') as [string, string];
      const action =
        intent.type === 'setDesiredCapacity'
          ? { type: 'set-desired-capacity', stack, logicalId, desired: intent.desired }
          : intent.type === 'startInstanceRefresh'
            ? { type: 'start-instance-refresh', stack, logicalId, minHealthyPercentage: intent.minHealthyPercentage, instanceWarmup: intent.instanceWarmup }
            : intent.type === 'modifyDbClass'
            ? { type: 'modify-db-class', stack, logicalId, instanceClass: intent.instanceClass }
            : { type: intent.type === 'reboot' ? 'reboot' : 'promote-replica', stack, logicalId };
      const result = applyAction(team!.world, action);
      return result.ok ? done() : refuse({ code: result.code, message: result.message });
    }
    case 'authorizeSecurityGroupIngress':
    case 'revokeSecurityGroupIngress': {
      // The sim's rule decides (EC2's own codes: InvalidPermission.Duplicate, .NotFound, InvalidGroup.NotFound, ...).
      const [stack, logicalId] = intent.target.split('/') as [string, string];
      const type = intent.type === 'authorizeSecurityGroupIngress' ? 'authorize-security-group-ingress' : 'revoke-security-group-ingress';
      const result = applyAction(team!.world, { type, stack, logicalId, rule: intent.rule });
      return result.ok ? done() : refuse({ code: result.code, message: result.message });
    }
    case 'purchaseSavingsPlan': {
      // The sim's rule decides (term, payment option, amount, one plan a run) and changes nothing when it refuses.
      const { hourlyCommitmentUsd, term, paymentOption } = intent;
      const result = applyAction(team!.world, { type: 'purchase-savings-plan', hourlyCommitmentUsd, term, paymentOption });
      return result.ok ? done() : refuse({ code: result.code, message: result.message });
    }
    case 'purchaseReservedInstances': {
      const { instanceType, region, count, term, paymentOption } = intent;
      const result = applyAction(team!.world, { type: 'purchase-reserved-instances', instanceType, region, count, term, paymentOption });
      return result.ok ? done() : refuse({ code: result.code, message: result.message });
    }
    case 'updateCostAllocationTag': {
      // The sim's rule decides (the key is on a resource, the status is one AWS takes) and changes nothing when it refuses.
      const result = applyAction(team!.world, { type: 'update-cost-allocation-tag', key: intent.tagKey, status: intent.status });
      return result.ok ? done() : refuse({ code: result.code, message: result.message });
    }
    case 'subscribe':
    case 'unsubscribe': {
      // The sim's rule decides (the topic exists, the protocol and address are ones the console takes).
      const { topic, protocol, endpoint } = intent;
      const result = applyAction(team!.world, { type: intent.type === 'subscribe' ? 'sns-subscribe' : 'sns-unsubscribe', topic, protocol, endpoint });
      return result.ok ? done() : refuse({ code: result.code, message: result.message });
    }
    default: {
      if (!(STACK_INTENTS as readonly string[]).includes(intent.type)) return refuse(refusal('unknown-intent', intent.type));
      // A refused deploy changes nothing but the log: the call's failure, then the stack's rollback events.
      const rollBack = (why: Refusal): Applied => {
        const refused = refuse(why);
        if (intent.type === 'deployStack') recordStackEvents(match, team!.id, intent.stack, refusedStackEvents(design, intent, why), wallMs);
        return refused;
      };
      // UsePreviousValue is read from the stack here: the log keeps the names the player sent, never the values.
      const values = intent.type === 'deployStack' ? withPreviousValues(design, intent.stack, intent.parameters, intent.usePreviousValues) : undefined;
      if (values && !values.ok) return rollBack({ code: 'design-rule', message: `${intent.stack}: ${values.message}`, detail: 'invalid-parameter' });
      const asked = intent.type === 'deployStack' && values?.ok ? { ...intent, parameters: values.parameters } : intent;
      const change = changeStacks(design, asked as Parameters<typeof changeStacks>[1], scenarioAccount(match.scenario));
      if (!change.ok) return rollBack(change.refusal);
      // A stack deploy runs with the caller's credentials, as CloudFormation does: each resource it creates needs its own permission.
      if (intent.type === 'deployStack') {
        for (const r of change.design.resources) {
          // What the account holds (a default VPC, what a policy retained) is created by no deploy.
          if (change.design.stacks[r.stack]?.account || findByRef(design, `${change.design.stacks[r.stack]?.name}/${r.logicalId}`)) continue;
          if (!kindAllowed(match.scenario, r.kind)) return rollBack(refusal('kind-not-allowed', `${r.logicalId}: ${r.kind}`));
          const region = change.design.stacks[r.stack]?.region ?? '';
          const { service, type } = arnPartsOf(r.kind);
          const arn = resourceArn({ service, region, type, name: `${change.design.stacks[r.stack]?.name}/${r.logicalId}` });
          const missing = permit(match, actor, createActionOf(r.kind), arn, region);
          if (missing) return rollBack(missing);
        }
      }
      adopt(match, team!, change.design, tick);
      // What the stack's policies kept, snapshotted or lost (and what a snapshot restored), in the timeline.
      noteKept(team!.world, change.kept, change.restored);
      // What CloudFormation replaced or deleted is no longer what any gesture made: it leaves the undo history.
      if (intent.type !== 'createStack') forgetUndoIn(team!, intent.stack);
      const applied = done(change.warnings?.length ? { warnings: change.warnings, notices: change.notices ?? [] } : {});
      if (intent.type === 'deployStack') recordStackEvents(match, team!.id, intent.stack, appliedStackEvents(design, change.design, intent, change.kept), wallMs);
      if (intent.type === 'deleteStack') recordStackEvents(match, team!.id, intent.stack, deletedStackEventsOf(design, intent.stack, change.kept), wallMs);
      return applied;
    }
  }
}
