// The board outline: the board as a tree of places and pieces (client/view/board-outline.ts), focusable, so that
// every board gesture works from the keyboard and a screen reader reads the architecture as text. One item holds
// the tab stop (a roving tabindex, as WAI-ARIA's tree pattern has it); arrows move it. Enter on a place puts the
// armed palette entry there, as a click on that place would; Enter on a piece selects it, or finishes the
// connection being drawn; C starts a connection from a piece; Delete removes it. Every gesture goes through the
// same player actions as the mouse's, so the server's rules decide it and a refusal comes back the same way.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import { boardOutline, type OutlineNode } from '../view/board-outline.ts';
import type { MatchView, MatchViewState } from '../view/match-view.ts';
import type { PlayerActions } from '../view/player-actions.ts';
import { useLanguage, useViewSlice } from './hooks.ts';

function labelOf(node: OutlineNode, state: MatchViewState): string {
  switch (node.kind) {
    case 'global':
      return t('board.global');
    case 'region':
      return `${t(`regions.${node.region}`, { defaultValue: node.region })} (${node.region})${node.dark ? ` — ${t('board.regionDown')}` : ''}`;
    case 'vpc':
      return t('outline.vpc', { id: node.ref?.split('/')[1] ?? node.ref, cidr: node.cidr });
    case 'cell':
      return `${t('outline.zone', { zone: node.zone })}${node.dark ? ` — ${t('board.zoneDown')}` : ''}`;
    case 'subnet':
      return `${t('outline.subnet', { id: node.ref?.split('/')[1] ?? node.ref, cidr: node.cidr })} · ${t(node.public ? 'board.publicSubnet' : 'board.privateSubnet')}${node.dark ? ` — ${t('board.zoneDown')}` : ''}`;
    case 'piece': {
      const r = state.model.byRef.get(node.ref ?? '');
      if (!r) return node.ref ?? '';
      const count = r.kind === 'autoScalingGroup' ? ` · ${t('outline.instances', { count: r.count })}` : '';
      return `${t(`kinds.name.${r.kind}`)} ${r.logicalId}${count} — ${t(`health.${r.health}`)}`;
    }
  }
}

/** Each layout the view made, numbered: a new layout (a place or card added, moved or gone) is a new tree. */
const layoutIds = new WeakMap<object, number>();
let nextLayoutId = 1;
function layoutId(layout: object): number {
  let id = layoutIds.get(layout);
  if (id === undefined) layoutIds.set(layout, (id = nextLayoutId++));
  return id;
}

/** What changes the tree or its labels: the layout (places, cards), healths and counts. */
function outlineKey(s: MatchViewState): string {
  let key = `${layoutId(s.layout)}|${s.armed}|${s.connectFrom}|${s.selected}|${s.match.board.darkZones.join()}|${s.match.board.darkRegions.join()}|`;
  for (const r of s.match.board.resources) if (s.model.pieces.has(r.ref)) key += `${r.ref}:${r.health}:${r.count};`;
  return key;
}

export function BoardOutline({ view, actions, watching }: { view: MatchView; actions: PlayerActions; watching: boolean }) {
  useLanguage();
  const state = useViewSlice(view, outlineKey);
  const nodes = boardOutline(state.layout, state.model);
  const [focusId, setFocusId] = useState<string>('global');
  const list = useRef<HTMLUListElement>(null);
  // The item that held focus may be gone (a piece removed): the tab stop falls back to the first item.
  const current = nodes.find((n) => n.id === focusId) ?? nodes[0]!;

  const focus = (id: string) => {
    setFocusId(id);
    list.current?.querySelector<HTMLElement>(`[data-node="${CSS.escape(id)}"]`)?.focus();
  };
  useEffect(() => {
    if (current.id !== focusId) setFocusId(current.id);
  });

  const act = (node: OutlineNode) => {
    const s = view.current;
    if (node.kind === 'piece' && node.ref) {
      if (s.connectFrom && s.connectFrom !== node.ref) {
        actions.connect(s.connectFrom, node.ref);
        view.startConnect(null);
      } else view.select(node.ref);
      return;
    }
    if (s.armed && node.target) return actions.place(node.target, false);
    if (node.ref) view.select(node.ref);
  };

  const onKey = (e: KeyboardEvent, node: OutlineNode, index: number) => {
    const move = (to: number) => {
      const next = nodes[Math.max(0, Math.min(nodes.length - 1, to))];
      if (next) focus(next.id);
    };
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        move(index + 1);
        break;
      case 'ArrowUp':
        move(index - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(nodes.length - 1);
        break;
      case 'ArrowLeft': {
        // To the parent, as a tree's left arrow goes.
        for (let i = index - 1; i >= 0; i--) if (nodes[i]!.level < node.level) return (e.preventDefault(), e.stopPropagation(), focus(nodes[i]!.id));
        break;
      }
      case 'Enter':
      case ' ':
        act(node);
        break;
      case 'Delete':
      case 'Backspace':
        if (node.kind === 'piece' && node.ref && !watching) actions.remove(node.ref);
        else handled = false;
        break;
      case 'c':
      case 'C':
        if (node.kind === 'piece' && node.ref && !watching) view.startConnect(node.ref);
        else handled = false;
        break;
      default:
        handled = false;
    }
    // The outline's own keys never reach the board's shortcuts (arrows there pan the canvas).
    if (handled || e.key.startsWith('Arrow')) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  return h(
    'section',
    { class: 'outline' },
    h('h2', { id: 'outline-title' }, t('outline.title')),
    h('p', { class: 'hint', id: 'outline-hint' }, t(watching ? 'outline.hintWatching' : 'outline.hint')),
    h(
      'ul',
      { ref: list, id: 'board-outline', role: 'tree', 'aria-labelledby': 'outline-title', 'aria-describedby': 'outline-hint' },
      nodes.map((node, i) =>
        h(
          'li',
          {
            key: node.id,
            id: `outline-${node.id}`,
            'data-node': node.id,
            'data-kind': node.kind,
            ...(node.ref ? { 'data-ref': node.ref } : {}),
            role: 'treeitem',
            'aria-level': node.level,
            'aria-selected': String(node.ref !== undefined && node.ref === state.selected),
            tabIndex: node.id === current.id ? 0 : -1,
            class: `outline-item level-${node.level} ${node.kind} ${node.ref && node.ref === state.connectFrom ? 'connect-from' : ''}`,
            onFocus: () => node.id !== focusId && setFocusId(node.id),
            onKeyDown: (e: KeyboardEvent) => onKey(e, node, i),
            onClick: () => (focus(node.id), act(node)),
          },
          labelOf(node, state),
        ),
      ),
    ),
  );
}
