import { describe, expect, it } from 'vitest';
import { editsSinceReturn, eventLabel, historyOrder, orderEvents, reasonLabel } from './history';

/** Every action the project commands write to the audit log (lib/projects/commands, import). */
const AUDITED = ['create', 'update', 'import', 'delete', 'duplicate', 'comment', 'submit', 'withdraw', 'return', 'approve', 'reopen', 'revise', 'comment-handled', 'comment-reopened', 'renumber'];

describe('history wording and order', () => {
  it('names every audited event in Chinese, comment included', () => {
    for (const action of AUDITED) expect(eventLabel(action), action).toMatch(/^[\p{Script=Han}“”]+$/u);
    expect(eventLabel('comment')).toBe('提出意见');
    expect(eventLabel('something-new')).toBe('其他操作');
  });

  it('reads an import over a stored draft as an overwrite, an import that created the table as 导入', () => {
    expect(eventLabel('import', true)).toBe('导入（覆盖草稿）');
    expect(eventLabel('import')).toBe('导入');
    expect(eventLabel('update', true)).toBe('保存');
  });

  it('calls an approval’s text its sign-off note', () => {
    expect(reasonLabel('approve')).toBe('签署意见');
    expect(reasonLabel('return')).toBe('理由');
  });

  it('lists newest first by default, oldest first when asked', () => {
    const events = [
      { id: 1, at: 100 },
      { id: 2, at: 300 },
      { id: 3, at: 300 },
      { id: 4, at: 200 },
    ];
    expect(historyOrder(undefined)).toBe('newest');
    expect(historyOrder('oldest')).toBe('oldest');
    expect(orderEvents(events, historyOrder(undefined)).map((e) => e.id)).toEqual([3, 2, 4, 1]);
    expect(orderEvents(events, 'oldest').map((e) => e.id)).toEqual([1, 4, 2, 3]);
  });

  it('gives the edits since the latest return, oldest first, for the reviewer’s “自退回以来的修改”', () => {
    const e = (id: number, action: string) => ({ id, at: id * 10, action });
    const events = [e(1, 'create'), e(2, 'update'), e(3, 'submit'), e(4, 'return'), e(5, 'revise'), e(6, 'update'), e(7, 'comment'), e(8, 'update'), e(9, 'submit')];
    expect(editsSinceReturn(events)!.map((x) => x.id)).toEqual([5, 6, 8]);
    expect(editsSinceReturn(events.slice(0, 3))).toBeNull();
  });
});
