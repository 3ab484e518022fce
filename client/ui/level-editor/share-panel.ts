// Sharing: publish a proven level (its code and link to hand out, its author token kept in this browser), save
// a new version of a level this browser published, delete it, and export the level as a YAML file.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { levelLink as linkOf } from '../../../shared/protocol/levels.ts';
import type { LevelIssue } from '../../../shared/scenario/level.ts';
import { t } from '../../i18n/index.ts';
import { authorToken, deleteLevel, forgetAuthorToken, keepAuthorToken, publishLevel, publishVersion } from '../../net/levels.ts';
import { CopyButton } from '../copy-button.ts';

export interface Published {
  code: string;
  version: number;
}

/** The link players open (`/?level=CODE` on this server). */
const levelLink = (code: string): string => linkOf(location.origin, code);

export function SharePanel({
  document,
  publishable,
  published,
  onPublished,
  onDeleted,
  onExport,
  onServerIssues,
  onOpenLevel,
}: {
  /** The level as it stands when it checks; null while it does not. */
  document: unknown;
  /** The current form's proof lets it be published. */
  publishable: boolean;
  published: Published | null;
  onPublished: (p: Published) => void;
  onDeleted: () => void;
  onExport: () => void;
  onServerIssues: (issues: LevelIssue[]) => void;
  onOpenLevel: (code: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const [confirming, setConfirming] = useState(false);
  const token = published ? authorToken(published.code) : undefined;

  const send = async (kind: 'new' | 'version') => {
    if (document === null) return;
    setBusy(true);
    setFailure('');
    const answer = kind === 'version' && published && token ? await publishVersion(published.code, token, document) : await publishLevel(document);
    setBusy(false);
    if (!answer.ok) {
      setFailure(t('levelEditor.publishFailed', { message: answer.message }));
      onServerIssues(answer.issues);
      return;
    }
    if (answer.value.authorToken) keepAuthorToken(answer.value.code, answer.value.authorToken);
    onPublished({ code: answer.value.code, version: answer.value.version });
  };
  const remove = async () => {
    if (!published || !token) return;
    setBusy(true);
    const answer = await deleteLevel(published.code, token);
    setBusy(false);
    setConfirming(false);
    if (!answer.ok) return setFailure(t('levelEditor.deleteFailed', { message: answer.message }));
    forgetAuthorToken(published.code);
    onDeleted();
  };

  return h(
    'section',
    { class: 'editor-section share', 'aria-labelledby': 'level-share-head' },
    h('h2', { id: 'level-share-head' }, t('levelEditor.share')),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', class: 'primary', id: 'level-publish', disabled: busy || !publishable || document === null, 'aria-describedby': 'level-publish-why', onClick: () => void send('new') }, published ? t('levelEditor.publishCopy') : t('levelEditor.publish')),
      published && token ? h('button', { type: 'button', id: 'level-save-version', disabled: busy || !publishable || document === null, onClick: () => void send('version') }, t('levelEditor.saveVersion')) : null,
      h('button', { type: 'button', class: 'ghost', id: 'level-export', disabled: document === null, onClick: onExport }, t('levelEditor.export')),
    ),
    h('p', { class: 'explain', id: 'level-publish-why' }, publishable ? t('levelEditor.publishReady') : t('levelEditor.publishNeedsProof')),
    published
      ? h(
          'div',
          { class: 'published', id: 'level-published' },
          h('p', { class: 'eyebrow' }, t('levelEditor.publishedVersion', { version: published.version })),
          h('div', { class: 'join-code-block' }, h('span', { class: 'label' }, t('levelEditor.code')), h('div', { class: 'row' }, h('strong', { class: 'join-code', id: 'level-code' }, published.code), h(CopyButton, { text: published.code, id: 'copy-level-code', label: t('levelEditor.code') }))),
          h(
            'div',
            { class: 'field' },
            h('label', { for: 'level-link' }, t('levelEditor.link')),
            h('div', { class: 'row' }, h('input', { id: 'level-link', readOnly: true, value: levelLink(published.code), onFocus: (e: Event) => (e.target as HTMLInputElement).select() }), h(CopyButton, { text: levelLink(published.code), id: 'copy-level-link', label: t('levelEditor.link') })),
          ),
          token ? h('p', { class: 'explain' }, t('levelEditor.tokenKept')) : h('p', { class: 'warn' }, t('levelEditor.notYours')),
          h(
            'div',
            { class: 'buttons' },
            h('button', { type: 'button', class: 'link', id: 'level-open-page', onClick: () => onOpenLevel(published.code) }, t('levelEditor.openPage')),
            token && !confirming ? h('button', { type: 'button', class: 'ghost danger', id: 'level-delete', disabled: busy, onClick: () => setConfirming(true) }, t('levelEditor.delete')) : null,
            confirming
              ? h(
                  'span',
                  { class: 'confirm', role: 'group', 'aria-label': t('levelEditor.deleteConfirm') },
                  h('span', {}, t('levelEditor.deleteConfirm')),
                  h('button', { type: 'button', class: 'danger', id: 'level-delete-yes', onClick: () => void remove() }, t('levelEditor.deleteYes')),
                  h('button', { type: 'button', class: 'ghost', onClick: () => setConfirming(false) }, t('levelEditor.deleteNo')),
                )
              : null,
          ),
        )
      : null,
    h('p', { class: 'lobby-error', role: 'alert', id: 'level-share-failure' }, failure),
  );
}
