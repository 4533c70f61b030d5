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
  it('reads a point followed by a digit as a decimal, never as the next item', () => {
    const text = '1. 就业率提高 2.5 个百分点，完成任务。2. 培训 3.2 万人次。';
    expect(splitGoals(text)).toEqual(['就业率提高 2.5 个百分点，完成任务。', '培训 3.2 万人次。']);
    expect(joinGoals(splitGoals(text))).toBe(text);
    expect(splitGoals('1.5 倍于上年的服务量')).toEqual(['1.5 倍于上年的服务量']);
    expect(splitGoals('1、完成。2、发放。')).toEqual(['完成。', '发放。']);
  });
  it('gives back every goal of the reference as printed when joined again', async () => {
    const { referenceText } = await import('@/lib/format/published/testing/reference');
    const { parsePublished } = await import('@/lib/format/published/parse');
    for (const p of parsePublished(referenceText()).projects) expect(joinGoals(splitGoals(p.goal)).replace(/\s/g, ''), p.code).toBe(p.goal.replace(/\s/g, ''));
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
