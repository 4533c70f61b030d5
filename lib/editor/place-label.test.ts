import { describe, expect, it } from 'vitest';
import { findingText } from './place-label';

const f = (path: string, message: string) => ({ severity: 'error' as const, rule: 'x', project: '', path, message });

describe('findingText', () => {
  it('names the place once', () => {
    expect(findingText(f('budget.total', '预算数：金额格式不正确'), null)).toBe('预算数：金额格式不正确');
    expect(findingText(f('purpose', '请填写资金用途'), null)).toBe('资金用途：请填写资金用途');
  });

  it('labels findings about the indicators as a whole', () => {
    expect(findingText(f('indicators', '定量指标偏少'), null)).toBe('绩效指标（整体）：定量指标偏少');
  });
});
