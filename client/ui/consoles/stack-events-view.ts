// The stack's Events tab: what CloudFormation wrote for its deploys (CREATE_IN_PROGRESS, CREATE_FAILED with its
// reason, ROLLBACK_COMPLETE, …), newest first as the console lists them. Read back from CloudTrail, where the
// room records them (shared/match/stack-trail.ts); asked again when a deploy can have written some: the board's
// design changed (an applied deploy) or the team's refusals grew (a refused one, rolled back).
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { TrailEvent } from '../../../shared/trail/event.ts';
import { formatClock, t } from '../../i18n/index.ts';
import { sayStackReason } from '../../i18n/stack-reason.ts';
import type { PlayerActions } from '../../view/player-actions.ts';

export function StackEventsView({ stack, actions, changed }: { stack: string; actions: PlayerActions; changed: string }) {
  const [events, setEvents] = useState<TrailEvent[]>([]);
  useEffect(() => {
    let live = true;
    const load = () =>
      void actions.trail({ action: 'cloudformation:StackEvent', resource: stack, limit: 100 }).then((found) => live && setEvents(found.filter((e) => e.params['stackName'] === stack)));
    load();
    return () => {
      live = false;
    };
  }, [stack, changed]);
  return h(
    'section',
    { class: 'stack-events', id: 'cfn-events' },
    h('h4', {}, `${t('cfn.events.title')} · ${stack}`),
    events.length === 0
      ? h('p', { class: 'muted' }, t('cfn.events.none'))
      : h(
          'table',
          { class: 'table' },
          h('thead', {}, h('tr', {}, [t('cfn.events.time'), t('cfn.events.logicalId'), t('cfn.events.status'), t('cfn.events.reason')].map((c, i) => h('th', { key: i }, c)))),
          h(
            'tbody',
            {},
            events.map((e) => {
              const status = String(e.params['resourceStatus'] ?? '');
              return h(
                'tr',
                { key: e.seq, 'data-status': status },
                h('td', {}, formatClock(e.simS)),
                h('td', {}, String(e.params['logicalResourceId'] ?? '')),
                h('td', { class: status.endsWith('_FAILED') ? 'status-failed' : status.endsWith('_COMPLETE') ? 'status-complete' : 'status-progress' }, status),
                h('td', {}, sayStackReason(String(e.params['resourceStatusReason'] ?? ''))),
              );
            }),
          ),
        ),
  );
}
