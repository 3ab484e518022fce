import { el } from './element.ts';

// Short-lived notices in a corner: refusals now, alarms and budget alerts later. A live region, so screen
// readers announce them too.
export function mountToasts(root: HTMLElement): (text: string, tone?: 'error' | 'info') => void {
  const box = el('div', { class: 'toasts', 'aria-live': 'polite' });
  root.append(box);
  return (text, tone = 'error') => {
    const toast = el('div', { class: `toast ${tone}`, role: tone === 'error' ? 'alert' : 'status' }, text);
    box.append(toast);
    setTimeout(() => toast.remove(), 5000);
  };
}
