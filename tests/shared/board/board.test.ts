import { describe, expect, it } from 'vitest';
import { applyIntent, createBoard } from '../../../shared/board/board.ts';
import { MAX_COMPONENTS_PER_ZONE } from '../../../shared/board/palette.ts';

describe('the foundation board', () => {
  it('has a region with its three zones', () => {
    expect(createBoard('ap-northeast-2').zones).toEqual(['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c']);
  });

  it('places a component with a fresh id and removes it by id', () => {
    const board = createBoard('us-east-1');
    const placed = applyIntent(board, { type: 'place', component: 'database', zone: 'us-east-1b' }, 'Ada');
    expect(placed).toEqual({ ok: true, added: { id: 'c1', kind: 'database', zone: 'us-east-1b', owner: 'Ada' } });
    expect(applyIntent(board, { type: 'remove', id: 'c1' }, 'Bo')).toMatchObject({ ok: true, removed: { id: 'c1' } });
    expect(board.components).toEqual([]);
    // Ids are not reused: a stale remove of c1 cannot hit the next component.
    expect(applyIntent(board, { type: 'place', component: 'instance', zone: 'us-east-1a' }, 'Ada')).toMatchObject({
      added: { id: 'c2' },
    });
  });

  it('refuses a zone of another region and leaves the board unchanged', () => {
    const board = createBoard('us-east-1');
    const before = structuredClone(board);
    expect(applyIntent(board, { type: 'place', component: 'instance', zone: 'eu-west-1a' }, 'Ada')).toMatchObject({
      ok: false,
      refusal: { code: 'unknown-zone' },
    });
    expect(board).toEqual(before);
  });

  it('refuses removing what is not there', () => {
    const board = createBoard('us-east-1');
    expect(applyIntent(board, { type: 'remove', id: 'c9' }, 'Ada')).toMatchObject({ ok: false, refusal: { code: 'not-found' } });
  });

  it('refuses a full zone', () => {
    const board = createBoard('us-east-1');
    for (let i = 0; i < MAX_COMPONENTS_PER_ZONE; i++) {
      expect(applyIntent(board, { type: 'place', component: 'instance', zone: 'us-east-1c' }, 'Ada').ok).toBe(true);
    }
    const before = structuredClone(board);
    expect(applyIntent(board, { type: 'place', component: 'instance', zone: 'us-east-1c' }, 'Ada')).toMatchObject({
      ok: false,
      refusal: { code: 'zone-full' },
    });
    expect(board).toEqual(before);
  });
});
