// EC2 status checks and the EC2 actions a CloudWatch alarm can take on the instance it watches
// (arn:aws:automate:<region>:ec2:stop|terminate|reboot|recover), and the SNS notifications it sends.
//
// Amazon EC2 User Guide, "Status checks for Amazon EC2 instances": a failed system status check means the
// host under the instance has a problem (loss of power or network, hardware or software on the physical host)
// that AWS must fix or the instance must move to new hardware for; a failed instance status check means the
// instance's own software or configuration has one, which the owner fixes (a reboot, for instance).
// CloudWatch User Guide, "Stop, terminate, reboot, or recover an EC2 instance": the recover action moves the
// instance to new hardware and keeps its instance ID, addresses and metadata; it is for alarms on
// StatusCheckFailed_System (compile/control.ts refuses it on any other metric). A reboot on the same failed
// host does not bring the instance back; stop and terminate take it out of service.

import { catalogue } from '../catalogue/index.ts';
import { ACT_REBOOT, ACT_RECOVER, ACT_STOP, ACT_TERMINATE } from './compile/control.ts';
import { CHECK_INSTANCE, CHECK_NONE, CHECK_SYSTEM, EMPTY, FAILED, REBOOTING, RUNNING } from './constants.ts';
import { instanceLabel } from './events.ts';
import { T_NOW } from './state.ts';
import { subscribersOf } from './topic-subscriptions.ts';
import { note, type World } from './world.ts';

/** StatusCheckFailed_System: the instance's host failed (a hardware failure, or its zone is dark). */
export function systemCheckFailed(world: World, i: number): boolean {
  const s = world.state;
  return s.instState[i] === FAILED && (s.instCheck[i] === CHECK_SYSTEM || s.instZoneFailed[i] === 1);
}

/** StatusCheckFailed_Instance: the instance's own OS failed on a healthy host. */
export function instanceCheckFailed(world: World, i: number): boolean {
  const s = world.state;
  return s.instState[i] === FAILED && s.instCheck[i] === CHECK_INSTANCE && s.instZoneFailed[i] !== 1;
}

/** Runs an alarm's EC2 action on instance slot `i`. */
export function runInstanceAction(world: World, kind: number, i: number, alarm: string): void {
  const s = world.state;
  const t = s.tally[T_NOW]!;
  const instance = instanceLabel(world, i);
  const st = s.instState[i]!;
  if (st === EMPTY) return;
  if (kind === ACT_RECOVER) {
    // New hardware in the same zone: none while the zone is dark.
    const z = s.instZone[i]!;
    if (!systemCheckFailed(world, i) || z < 0 || s.zoneDown[z] === 1) {
      note(world, 'alarmRecoverNothing', { alarm, instance });
      return;
    }
    s.instState[i] = REBOOTING;
    s.instTimer[i] = t + catalogue.ec2.recoverS.value;
    s.instCheck[i] = CHECK_NONE;
    s.instZoneFailed[i] = 0;
    note(world, 'alarmRecovers', { alarm, instance, seconds: catalogue.ec2.recoverS.value });
  } else if (kind === ACT_REBOOT) {
    if (systemCheckFailed(world, i)) {
      note(world, 'alarmRebootNoHelp', { alarm, instance });
      return;
    }
    if (st !== RUNNING && st !== FAILED) return;
    s.instState[i] = REBOOTING;
    s.instTimer[i] = t + catalogue.ec2.rebootS.value;
    s.instCheck[i] = CHECK_NONE;
    note(world, 'alarmReboots', { alarm, instance, seconds: catalogue.ec2.rebootS.value });
  } else if (kind === ACT_STOP || kind === ACT_TERMINATE) {
    // A stopped instance stays stopped (nothing in the run starts it again) and, like a terminated one, is not billed.
    s.instState[i] = EMPTY;
    s.instHealthy[i] = 0;
    s.instCheck[i] = CHECK_NONE;
    note(world, kind === ACT_STOP ? 'alarmStops' : 'alarmTerminates', { alarm, instance });
  }
}

/**
 * An alarm's notification to an SNS topic: every subscriber it has now (its template's and the SNS console's,
 * topic-subscriptions.ts) hears it; a topic nobody subscribes to tells nobody. `endpoints` is who: the
 * player's inbox shows the entries that reach them (shared/sns/endpoints.ts).
 */
export function notifyTopic(world: World, topic: number, alarm: string, state: 'ALARM' | 'OK' | 'INSUFFICIENT_DATA'): void {
  const subscribers = subscribersOf(world, topic);
  if (subscribers.length === 0) return;
  note(world, 'snsNotified', { topic: world.topo.topicLabel[topic]!, alarm, state, subscribers: subscribers.join(', '), endpoints: subscribers });
}
