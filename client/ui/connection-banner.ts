// The connection's state, always in view while it is not simply "connected": a lost connection being
// repaired, a server restarting, the seat back, or an end that cannot be repaired (the room closed, the seat
// opened elsewhere, no way back). A live region, so screen readers announce it; the page's tests read
// `data-state` on it and on <body data-connection>.
import { h, render } from 'preact';
import { onLanguage, t } from '../i18n/index.ts';
import type { ConnectionStatus } from '../net/match-connection.ts';

/** How long "Reconnected" stays before the banner goes. */
const BACK_SHOWN_MS = 4000;

/** The sentence for each state the player is shown (assets/i18n, `net.*`). */
export const CONNECTION_TEXT: Record<Exclude<ConnectionStatus, 'connected'>, string> = {
  lost: 'net.lost',
  restarting: 'net.restarting',
  back: 'net.back',
  'room-closed': 'net.roomClosed',
  'taken-elsewhere': 'net.takenElsewhere',
  'gave-up': 'net.gaveUp',
  removed: 'net.removed',
};

const TONE: Record<Exclude<ConnectionStatus, 'connected'>, 'repairing' | 'ok' | 'final'> = {
  lost: 'repairing',
  restarting: 'repairing',
  back: 'ok',
  'room-closed': 'final',
  'taken-elsewhere': 'final',
  'gave-up': 'final',
  removed: 'final',
};

export interface ConnectionBanner {
  show(status: ConnectionStatus): void;
  remove(): void;
}

export function mountConnectionBanner(onHome: () => void): ConnectionBanner {
  const box = document.createElement('div');
  document.body.append(box);
  let status: ConnectionStatus = 'connected';
  let hideTimer: ReturnType<typeof setTimeout> | null = null;
  let removed = false;
  const draw = (): void => {
    document.body.dataset.connection = status;
    if (status === 'connected') return render(null, box);
    const tone = TONE[status];
    render(
      h(
        'div',
        { id: 'connection-status', class: `connection-banner ${tone}`, 'data-state': status, role: tone === 'final' ? 'alert' : 'status', 'aria-live': 'polite' },
        tone === 'repairing' ? h('span', { class: 'connection-spinner', 'aria-hidden': 'true' }) : null,
        h('span', null, t(CONNECTION_TEXT[status])),
        tone === 'final' ? h('button', { type: 'button', onClick: onHome }, t('net.home')) : null,
      ),
      box,
    );
  };
  const unsubscribe = onLanguage(() => draw());
  return {
    show(next) {
      // Removed (the player left the match): nothing about that connection is shown on the next screen.
      if (removed) return;
      if (hideTimer) clearTimeout(hideTimer);
      hideTimer = null;
      status = next;
      draw();
      if (next === 'back') {
        hideTimer = setTimeout(() => {
          status = 'connected';
          draw();
        }, BACK_SHOWN_MS);
      }
    },
    remove() {
      removed = true;
      unsubscribe();
      if (hideTimer) clearTimeout(hideTimer);
      render(null, box);
      box.remove();
      delete document.body.dataset.connection;
    },
  };
}
