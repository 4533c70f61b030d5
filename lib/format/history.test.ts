import { describe, expect, it } from 'vitest';
import { eventLabel, historyOrder, orderEvents, reasonLabel } from './history';

/** Every action the project commands write to the audit log (lib/projects/commands, import). */
const AUDITED = ['create', 'update', 'import', 'delete', 'duplicate', 'comment', 'submit', 'withdraw', 'return', 'approve', 'reopen', 'revise'];

describe('history wording and order', () => {
  it('names every audited event in Chinese, comment included', () => {
    for (const action of AUDITED) expect(eventLabel(action), action).toMatch(/^[\p{Script=Han}“”]+$/u);
    expect(eventLabel('comment')).toBe('提出意见');
    expect(eventLabel('something-new')).toBe('其他操作');
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
});
