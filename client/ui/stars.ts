import { h } from 'preact';
import { t } from '../i18n/index.ts';

/** Three stars, earned ones filled; the count is also said in words. */
export function Stars({ earned, size = 'normal' }: { earned: number; size?: 'normal' | 'large' }) {
  return h(
    'span',
    { class: `stars ${size}`, role: 'img', 'aria-label': t('stars.count', { count: earned }) },
    [0, 1, 2].map((i) => h('span', { key: i, class: i < earned ? 'star on' : 'star' }, i < earned ? '★' : '☆')),
  );
}
