import { describe, expect, it } from 'vitest';
import { titleMark } from './workflow';

describe('the mark beside a table’s title', () => {
  it('marks drafts and returned tables （草稿）, a submitted one as waiting for review, an approved one not at all', () => {
    expect(titleMark('draft')).toBe('（草稿）');
    expect(titleMark('returned')).toBe('（草稿）');
    expect(titleMark('submitted')).toBe('（已提交，待审核）');
    expect(titleMark('approved')).toBe('');
  });
});
