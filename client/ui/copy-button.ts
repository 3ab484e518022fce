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

export function CopyButton({ text, id, label }: { text: string; id?: string; label?: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), 1800);
    return () => clearTimeout(timer);
  }, [copied]);
  return h(
    'button',
    { type: 'button', id, class: `copy ${copied === 'yes' ? 'done' : ''}`, 'aria-label': label ? `${t('teacher.copy')}: ${label}` : t('teacher.copy'), onClick: () => void copyText(text).then((ok) => setCopied(ok ? 'yes' : 'no')) },
    copied === 'yes' ? `✓ ${t('teacher.copied')}` : copied === 'no' ? t('teacher.copyFailed') : t('teacher.copy'),
  );
}
