import { describe, expect, it } from 'vitest';
import { createRevealStore } from './reveal-store';

describe('reveal store', () => {
  it('shows a new table’s fields once visited, and all of them after revealAll', () => {
    const s = createRevealStore(false);
    let calls = 0;
    s.subscribe(() => calls++);
    expect(s.isShown('f-code')).toBe(false);
    s.visit('f-code');
    s.visit('f-code');
    expect(s.isShown('f-code')).toBe(true);
    expect(s.isShown('f-name')).toBe(false);
    expect(s.isAllShown()).toBe(false);
    s.revealAll();
    expect(s.isShown('f-name')).toBe(true);
    expect(s.isAllShown()).toBe(true);
    expect(calls).toBe(2);
  });

  it('shows everything for an existing table', () => {
    expect(createRevealStore(true).isShown('f-anything')).toBe(true);
  });
});
