import { describe, expect, it } from 'vitest';
import { joinGoals, splitGoals } from './goals';

describe('goals as a numbered list', () => {
  it('splits on 1., 2., 3. in sequence', () => {
    expect(splitGoals('1. 档案管理。2. 按时发放《就业报到证》。3. 组织招募。')).toEqual(['档案管理。', '按时发放《就业报到证》。', '组织招募。']);
  });
  it('keeps a stray number inside a goal', () => {
    expect(splitGoals('1. 1. 进一步提高档案管理。2. 按时发放。')).toEqual(['1. 进一步提高档案管理。', '按时发放。']);
    expect(splitGoals('1. 结案率达到 92%以上，完成 2 项改革。')).toEqual(['结案率达到 92%以上，完成 2 项改革。']);
  });
  it('takes unnumbered text as one goal', () => {
    expect(splitGoals('保障机关正常运转')).toEqual(['保障机关正常运转']);
    expect(splitGoals('')).toEqual(['']);
  });
  it('joins in the published style and drops empty items', () => {
    expect(joinGoals(['档案管理。', '', '按时发放。'])).toBe('1. 档案管理。2. 按时发放。');
    expect(joinGoals(['', ' '])).toBe('');
    const text = '1. 1. 进一步提高档案管理。2. 按时发放。';
    expect(joinGoals(splitGoals(text))).toBe(text);
  });
});
