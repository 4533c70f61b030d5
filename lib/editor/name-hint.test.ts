import { describe, expect, it } from 'vitest';
import { nameHint } from './name-hint';

describe('the hint in an empty 三级指标 field', () => {
  it('asks whose satisfaction in 满意度, and is the plain label elsewhere', () => {
    expect(nameHint('satisfaction')).toContain('写明谁的满意度');
    expect(nameHint('quantity')).toBe('三级指标');
    expect(nameHint(null)).toBe('三级指标');
  });
});
