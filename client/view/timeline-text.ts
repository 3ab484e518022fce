// What happened, in the player's language. The wire's timeline carries the simulation's English sentences
// (and a scenario's own Korean for its announcements, where given); until it carries message codes, the
// known sentences are matched here and told again from the translation files. A sentence that matches no
// pattern is shown as the server wrote it.
import { language, t } from '../i18n/index.ts';

const PATTERNS: [RegExp, string][] = [
  [/^over: (?<rest>.+)$/, 'over'],
  [/^availability zone (?<zone>\S+) goes dark$/, 'azDark'],
  [/^region (?<region>\S+) goes dark$/, 'regionDark'],
  [/^a flood of requests starts from (?<area>\S+)$/, 'flood'],
  [/^traffic spike: ×(?<x>[\d.]+)(?: from (?<areas>.+))?$/, 'spike'],
  [/^flash crowd: ×(?<x>[\d.]+)(?: from (?<areas>.+))?$/, 'flashCrowd'],
  [/^the budget is cut to \$(?<usd>[\d.]+)$/, 'budgetCut'],
  [/^instance failure \((?<n>\d+)\)$/, 'instanceFailure'],
  [/^database primary failure(?: \((?<target>.+)\))?$/, 'dbFailure'],
  [/^zone (?<zone>\S+) is down$/, 'zoneDown'],
  [/^zone (?<zone>\S+) is back$/, 'zoneBack'],
  [/^instance (?<id>\S+) failed$/, 'instanceFailed'],
  [/^(?<db>\S+) fails over to its standby \((?<s>\d+) s\)$/, 'dbFailsOver'],
  [/^(?<db>\S+) is down: no standby, recovering on a new host \((?<s>\d+) s\)$/, 'dbRecovering'],
  [/^load balancers mark (?<n>\d+) targets? unhealthy$/, 'targetsUnhealthy'],
  [/^(?<n>\d+) targets? now healthy$/, 'targetsHealthy'],
  [/^Route 53 health check (?<id>\S+) is healthy$/, 'checkHealthy'],
  [/^Route 53 health check (?<id>\S+) is unhealthy$/, 'checkUnhealthy'],
  [/^Global Accelerator endpoint (?<id>\S+) is healthy$/, 'endpointHealthy'],
  [/^Global Accelerator endpoint (?<id>\S+) is unhealthy$/, 'endpointUnhealthy'],
  [/^(?<n>\d+) instances? lost with a dark zone$/, 'instancesLost'],
  [/^(?<n>\d+) instances? rebooting as their zone returns$/, 'instancesRebooting'],
  [/^(?<db>\S+): primary zone (?<zone>\S+) is dark, failing over to (?<to>\S+)$/, 'dbZoneDark'],
  [/^(?<db>\S+) is down with (?<zone>\S+) \(no standby left\)$/, 'dbDownNoStandby'],
  [/^(?<db>\S+) is down with (?<zone>\S+) \(single-AZ\)$/, 'dbDownSingleAz'],
  [/^(?<db>\S+): its zone is back, restarting$/, 'dbRestarting'],
  [/^(?<db>\S+) failed over: primary now in (?<zone>\S+)$/, 'dbFailedOver'],
  [/^(?<db>\S+) is available again$/, 'dbAvailable'],
  [/^(?<db>\S+) is promoted: a standalone writable database$/, 'dbPromoted'],
  [/^spend \$(?<cost>[\d.]+) passed the scenario budget of \$(?<budget>[\d.]+)$/, 'overBudget'],
  [/^forecast spend \$(?<cost>[\d.]+) is above the scenario budget of \$(?<budget>[\d.]+)$/, 'forecastOver'],
  [/^(?<group>\S+): desired (?<from>\d+) → (?<to>\d+) \((?<why>.+)\)$/, 'desired'],
  [/^(?<group>\S+): launching (?<n>\d+) instances? in (?<zones>.+)$/, 'launching'],
  [/^(?<group>\S+): terminating (?<n>\d+) unhealthy instances?$/, 'replacing'],
  [/^(?<group>\S+): terminating (?<n>\d+) instances?$/, 'terminating'],
  [/^(?<group>\S+): cannot launch, none of its zones is healthy$/, 'cannotLaunch'],
  [/^alarm (?<alarm>\S+) is ALARM \(last datapoint (?<value>[-\d.]+)\)$/, 'alarmOn'],
  [/^alarm (?<alarm>\S+) is OK \(last datapoint (?<value>[-\d.]+)\)$/, 'alarmOff'],
  [/^scheduled action (?<id>\S+) ran \(min (?<min>\d+), max (?<max>\d+)\)$/, 'scheduled'],
  [/^resolvers in (?<area>\S+) now get (?<record>\S+)$/, 'resolvers'],
  [/^design updated \((?<n>\d+) resources in (?<stacks>\d+) stacks\)$/, 'designUpdated'],
  [/^(?<title>.+): users enter through (?<entry>.+)$/, 'usersEnter'],
];

export function timelineText(message: string, messageKo?: string): string {
  if (language() === 'en') return message;
  if (messageKo) return messageKo;
  for (const [pattern, key] of PATTERNS) {
    const match = pattern.exec(message);
    if (!match) continue;
    const groups: Record<string, string> = { ...match.groups };
    if (key === 'over' && groups.rest) groups.rest = timelineText(groups.rest);
    for (const area of ['area', 'areas']) if (groups[area]) groups[area] = groups[area]!.split(', ').map((a) => t(`areas.${a}`, { defaultValue: a })).join(', ');
    if (groups.entry === 'nothing') groups.entry = t('common.none');
    return t(`timelineText.${key}`, { ...groups, defaultValue: message });
  }
  return message;
}
