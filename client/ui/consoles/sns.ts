// Amazon SNS: the board's topics with their subscriptions (a template's, and the ones players made here), a
// Subscribe form (protocol and email address, prefilled with the player's own address), Unsubscribe on the
// console's subscriptions, and the player's inbox: the alarm notifications and budget alerts that reached them.
// Who an address is, which deliveries reached whom, what the room accepts: all shared/ (shared/sns,
// shared/sim/topic-subscriptions.ts); the room checks sns:Subscribe / sns:Unsubscribe and the sim's rule, and a
// refusal is shown here in the rule's words.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { addressOf, EMAIL_PROTOCOLS, splitSubscriber, type Reader } from '../../../shared/sns/endpoints.ts';
import { inboxOf } from '../../../shared/sns/inbox.ts';
import { formatClock, t } from '../../i18n/index.ts';
import { sayEntry } from '../../i18n/timeline-entry.ts';
import { explainFigure } from '../../view/catalogue-text.ts';
import type { MatchViewState } from '../../view/match-view.ts';
import type { PlayerActions } from '../../view/player-actions.ts';
import type { MatchSnapshot } from '../../net/snapshot.ts';

/** Where the room's refusal of a Subscribe or Unsubscribe is shown (player-actions.ts keeps it under this field). */
export const SNS_FIELD = 'sns:subscription';

/** The player as a reader of notifications: their nickname, their team's name and id, and their teammates' nicknames. */
export function readerOf(match: MatchSnapshot): Reader | undefined {
  const me = match.me;
  if (!me) return undefined;
  const team = match.teams.find((x) => x.id === me.team);
  const teammates = match.players.filter((p) => p.team === me.team && p.sessionId !== me.sessionId).map((p) => p.nickname);
  return { nickname: me.nickname, teammates, ...(me.team ? { teamId: me.team } : {}), ...(team ? { teamName: team.name } : {}) };
}

export function Sns({ state, actions }: { state: MatchViewState; actions: PlayerActions }) {
  const m = state.match;
  const topics = m.board.topics;
  const reader = readerOf(m);
  const [topic, setTopic] = useState<string>('');
  const [protocol, setProtocol] = useState<string>(EMAIL_PROTOCOLS[0]);
  const [endpoint, setEndpoint] = useState<string | null>(null);
  const chosen = topics.some((x) => x.topic === topic) ? topic : (topics[0]?.topic ?? '');
  const address = endpoint ?? (reader ? addressOf(reader.nickname) : '');
  const canAct = !state.viewTeam && m.phase !== 'results';
  const refused = state.fieldErrors[SNS_FIELD]?.message;
  const inbox = reader ? inboxOf(m.board.inbox, reader).reverse() : [];
  const send = (type: 'subscribe' | 'unsubscribe', topicRef: string, p: string, e: string) => actions.send({ type, topic: topicRef, protocol: p, endpoint: e }, { field: SNS_FIELD });

  return h(
    'div',
    { class: 'console sns' },
    h('p', { class: 'muted' }, explainFigure('sns.confirmationS')),
    h(
      'div',
      { class: 'sns-columns' },
      h(
        'section',
        { class: 'sns-topics', 'aria-labelledby': 'sns-topics-title' },
        h('h4', { id: 'sns-topics-title' }, t('sns.topics')),
        topics.length === 0 ? h('p', { class: 'muted empty' }, t('sns.noTopics')) : null,
        topics.map((x) =>
          h(
            'div',
            { key: x.topic, class: 'sns-topic', 'data-topic': x.topic },
            h('h5', {}, x.topic, ' ', h('small', { class: 'muted' }, t('sns.subscriptionCount', { count: x.subscriptions.length }))),
            x.subscriptions.length === 0 ? h('p', { class: 'muted', 'data-nobody': '' }, t('sns.nobody')) : null,
            h(
              'ul',
              { class: 'sns-subscriptions' },
              x.subscriptions.map((s) => {
                const { protocol: p, endpoint: e } = splitSubscriber(s.subscriber);
                return h(
                  'li',
                  { key: s.subscriber, 'data-subscriber': s.subscriber },
                  h('code', {}, p),
                  ' ',
                  e,
                  ' ',
                  h('small', { class: 'muted' }, s.fromTemplate ? t('sns.fromTemplate') : t('sns.fromConsole')),
                  !s.fromTemplate && canAct
                    ? h('button', { type: 'button', class: 'btn small', 'data-unsubscribe': s.subscriber, onClick: () => send('unsubscribe', x.topic, p, e) }, t('sns.unsubscribe'))
                    : null,
                );
              }),
            ),
          ),
        ),
        topics.length > 0 && canAct
          ? h(
              'form',
              { class: 'sns-subscribe', onSubmit: (ev: Event) => (ev.preventDefault(), send('subscribe', chosen, protocol, address)) },
              h('h5', {}, t('sns.createSubscription')),
              h('label', { for: 'sns-topic' }, t('sns.topic')),
              h('select', { id: 'sns-topic', value: chosen, onChange: (ev: Event) => setTopic((ev.target as HTMLSelectElement).value) }, topics.map((x) => h('option', { key: x.topic, value: x.topic }, x.topic))),
              h('label', { for: 'sns-protocol' }, t('sns.protocol')),
              h('select', { id: 'sns-protocol', value: protocol, onChange: (ev: Event) => setProtocol((ev.target as HTMLSelectElement).value) }, EMAIL_PROTOCOLS.map((p) => h('option', { key: p, value: p }, p))),
              h('label', { for: 'sns-endpoint' }, t('sns.endpoint')),
              h('input', { id: 'sns-endpoint', type: 'text', value: address, maxLength: 320, onInput: (ev: Event) => setEndpoint((ev.target as HTMLInputElement).value) }),
              h(
                'div',
                { class: 'sns-shortcuts' },
                reader ? h('button', { type: 'button', class: 'btn small ghost', 'data-my-address': '', onClick: () => setEndpoint(addressOf(reader.nickname)) }, t('sns.myAddress')) : null,
                reader?.teamName ? h('button', { type: 'button', class: 'btn small ghost', 'data-team-address': '', onClick: () => setEndpoint(addressOf(reader.teamName!)) }, t('sns.teamAddress')) : null,
              ),
              h('button', { type: 'submit', class: 'primary', 'data-subscribe': '' }, t('sns.subscribe')),
              refused ? h('p', { class: 'error', role: 'alert', 'data-sns-refused': '' }, refused) : null,
            )
          : null,
      ),
      h(
        'section',
        { class: 'sns-inbox', 'aria-labelledby': 'sns-inbox-title' },
        h('h4', { id: 'sns-inbox-title' }, t('sns.inbox'), reader ? h('small', { class: 'muted' }, ' ', addressOf(reader.nickname)) : null),
        inbox.length === 0 ? h('p', { class: 'muted empty', 'data-inbox-empty': '' }, t('sns.inboxEmpty')) : null,
        h(
          'ol',
          { class: 'sns-messages' },
          inbox.map((e, i) => h('li', { key: `${e.tS}-${i}`, 'data-message': e.code }, h('time', {}, formatClock(e.tS)), ' ', sayEntry(e))),
        ),
      ),
    ),
  );
}
