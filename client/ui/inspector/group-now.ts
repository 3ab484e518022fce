// An Auto Scaling group as it stands now, as AWS's console's Details and Instance management tabs show it:
// the desired, minimum and maximum capacity the group holds (a policy, a scheduled action or an API call may
// have changed them since the design said otherwise) and its instances by lifecycle state. The figures are
// the simulation's (shared/sim/group-figures.ts), carried by the server; nothing here is counted.
import { h } from 'preact';
import type { GroupFigures } from '../../../shared/sim/group-figures.ts';
import { t } from '../../i18n/index.ts';

export function GroupNow({ g }: { g: GroupFigures }) {
  const running = g.inService + g.pending + g.unhealthy;
  return h(
    'div',
    { class: 'group-now', id: 'group-now', 'data-desired': g.desired, 'data-in-service': g.inService, 'data-pending': g.pending },
    h('p', { class: 'group-capacity' }, t('inspector.groupCapacityNow', { desired: g.desired, min: g.min, max: g.max })),
    h(
      'ul',
      { class: 'group-lifecycle' },
      h('li', { 'data-state': 'InService' }, t('inspector.groupInService', { count: g.inService })),
      h('li', { 'data-state': 'Pending' }, t('inspector.groupPending', { count: g.pending })),
      g.unhealthy > 0 ? h('li', { 'data-state': 'Unhealthy', class: 'warn' }, t('inspector.groupUnhealthy', { count: g.unhealthy })) : null,
    ),
    g.oldTemplate > 0 ? h('p', { class: 'explain' }, t('inspector.groupOldTemplate', { count: g.oldTemplate })) : null,
    g.refreshing ? h('p', { class: 'explain' }, t('inspector.groupRefreshing')) : null,
    // Above desired: a scale-in or a refresh is still terminating the extra instances (AWS does so one by one).
    !g.refreshing && running > g.desired ? h('p', { class: 'explain' }, t('inspector.groupAboveDesired', { count: running - g.desired })) : null,
  );
}
