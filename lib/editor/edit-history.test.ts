import { describe, expect, it } from 'vitest';
import { changedKeys, createEditHistory, historyAnnouncement } from './edit-history';

describe('the edit history', () => {
  it('undoes and redoes committed states in order', () => {
    const h = createEditHistory('a');
    h.commit('b');
    h.commit('c');
    expect(h.undo('c')).toBe('b');
    expect(h.undo('b')).toBe('a');
    expect(h.undo('a')).toBeNull();
    expect(h.redo()).toBe('b');
    expect(h.redo()).toBe('c');
    expect(h.redo()).toBeNull();
  });

  it('commits what was typed since the last step before undoing it', () => {
    const h = createEditHistory('a');
    expect(h.undo('a+typing')).toBe('a');
    expect(h.redo()).toBe('a+typing');
  });

  it('an unchanged state is no step, and a new edit clears redo', () => {
    const h = createEditHistory('a');
    expect(h.commit('a')).toBe(false);
    h.commit('b');
    h.undo('b');
    expect(h.canRedo()).toBe(true);
    h.commit('x');
    expect(h.canRedo()).toBe(false);
    expect(h.undo('x')).toBe('a');
  });

  it('keeps at most `limit` steps back', () => {
    const h = createEditHistory('0', 3);
    ['1', '2', '3', '4', '5'].forEach((s) => h.commit(s));
    expect([h.undo('5'), h.undo('4'), h.undo('3'), h.undo('2')]).toEqual(['4', '3', '2', null]);
  });

  it('settling after an undo keeps redo', () => {
    const h = createEditHistory('a');
    h.commit('b');
    expect(h.undo('b')).toBe('a');
    h.settle('a (as the form holds it)');
    expect(h.redo()).toBe('b');
    expect(h.undo('b')).toBe('a (as the form holds it)');
  });

  it('reset starts afresh', () => {
    const h = createEditHistory('a');
    h.commit('b');
    h.reset('c');
    expect(h.canUndo()).toBe(false);
    expect(h.undo('c')).toBeNull();
  });

  it('names what changed, for the form and for screen readers', () => {
    expect(changedKeys({ name: 'a', indicators: [1] }, { name: 'a', indicators: [1, 2] })).toEqual(['indicators']);
    expect(historyAnnouncement('undo', ['indicators'])).toBe('已撤销：绩效指标');
    expect(historyAnnouncement('redo', ['name', 'code'])).toBe('已重做：项目名称、项目编码');
    expect(historyAnnouncement('undo', [])).toBe('没有可撤销的修改');
  });
});
