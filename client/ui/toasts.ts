// Short-lived notices in a corner: refusals, alarms, budget alerts, scenario announcements. A live region,
// so screen readers announce them too. Each tone also has an icon and a word, not only a colour.
import { h, render } from 'preact';
import { t } from '../i18n/index.ts';

export type Tone = 'error' | 'info' | 'alarm' | 'budget';

interface Toast {
  id: number;
  text: string;
  tone: Tone;
}

const ICON: Record<Tone, string> = { error: '✕', info: 'ℹ', alarm: '⚑', budget: '$' };
const LIFETIME_MS = 6000;

export function mountToasts(root: HTMLElement): (text: string, tone?: Tone) => void {
  const box = document.createElement('div');
  root.append(box);
  let toasts: Toast[] = [];
  let next = 1;
  const draw = () =>
    render(
      h(
        'div',
        { class: 'toasts', 'aria-live': 'polite' },
        toasts.map((toast) =>
          h(
            'div',
            { key: toast.id, class: `toast ${toast.tone}`, role: toast.tone === 'error' ? 'alert' : 'status' },
            h('span', { class: 'toast-icon', 'aria-hidden': 'true' }, ICON[toast.tone]),
            h('span', { class: 'toast-tone' }, t(`toast.${toast.tone}`)),
            h('span', { class: 'toast-text' }, toast.text),
          ),
        ),
      ),
      box,
    );
  return (text, tone = 'error') => {
    const toast = { id: next++, text, tone };
    toasts = [...toasts.slice(-4), toast];
    draw();
    setTimeout(() => {
      toasts = toasts.filter((x) => x !== toast);
      draw();
    }, LIFETIME_MS);
  };
}
