// A button that copies a piece of text (a join code, a link, a host token) and says so for a moment. Where the
// clipboard API is not allowed (a page served over plain HTTP on the school network), the text is copied the
// old way, through a selection.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';

async function copyText(text: string): Promise<boolean> {
  try {
    if (globalThis.isSecureContext && navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, no focus): try the selection below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let done = false;
  try {
    done = document.execCommand('copy');
  } catch {
    done = false;
  }
  area.remove();
  return done;
}

/** Two overlapping sheets, drawn (no font on every machine has a copy symbol). */
const copyIcon = () =>
  h(
    'svg',
    { width: 13, height: 13, viewBox: '0 0 16 16', 'aria-hidden': 'true', fill: 'none', stroke: 'currentColor', 'stroke-width': 1.6 },
    h('rect', { x: 5, y: 5, width: 9, height: 9, rx: 1.5 }),
    h('path', { d: 'M11 5V3.5A1.5 1.5 0 0 0 9.5 2h-6A1.5 1.5 0 0 0 2 3.5v6A1.5 1.5 0 0 0 3.5 11H5' }),
  );

/** `compact`: an icon-sized button (the top bar), its words in its accessible name and tooltip. */
export function CopyButton({ text, id, label, compact = false }: { text: string; id?: string; label?: string; compact?: boolean }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), 1800);
    return () => clearTimeout(timer);
  }, [copied]);
  return h(
    'button',
    {
      type: 'button',
      id,
      class: `copy ${compact ? 'compact' : ''} ${copied === 'yes' ? 'done' : ''}`,
      'aria-label': label ? `${t('teacher.copy')}: ${label}` : t('teacher.copy'),
      title: compact ? (copied === 'yes' ? t('teacher.copied') : copied === 'no' ? t('teacher.copyFailed') : label ? `${t('teacher.copy')}: ${label}` : t('teacher.copy')) : undefined,
      'data-copied': copied ?? '',
      onClick: () => void copyText(text).then((ok) => setCopied(ok ? 'yes' : 'no')),
    },
    compact ? (copied === 'yes' ? '✓' : copyIcon()) : copied === 'yes' ? `✓ ${t('teacher.copied')}` : copied === 'no' ? t('teacher.copyFailed') : t('teacher.copy'),
  );
}
