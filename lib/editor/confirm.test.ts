import { describe, expect, it } from 'vitest';
import type { TableInput } from '@/lib/domain/schemas';
import { deleteRowQuestion, notApplicableQuestion, rowHasContent } from './confirm';

type Row = TableInput['indicators'][number];

const empty = (level2 = '数量指标'): Row => ({ level1: '产出指标', level2, name: '', description: '', value: '', target: { kind: 'quantity', op: '>=', number: null, unit: '%' }, basis: '', isPlaceholder: false });

describe('asking before work is thrown away', () => {
  it('counts a row as filled when any cell or the target number holds something', () => {
    expect(rowHasContent(empty())).toBe(false);
    expect(rowHasContent({ ...empty(), name: '  ' })).toBe(false);
    expect(rowHasContent({ ...empty(), basis: '年度工作计划' })).toBe(true);
    expect(rowHasContent({ ...empty(), target: { kind: 'quantity', op: '>=', number: 0, unit: '件' } })).toBe(true);
    expect(rowHasContent({ ...empty(), target: { kind: 'deadline', year: null, month: 12, day: null } })).toBe(true);
    const p = '无经济效益指标';
    expect(rowHasContent({ ...empty('经济效益指标'), name: p, description: p, value: p, basis: p, target: { kind: 'text' }, isPlaceholder: true })).toBe(false);
  });

  it('asks before deleting a filled row, naming it, and deletes an empty row at once', () => {
    expect(deleteRowQuestion(empty(), 3)).toBeNull();
    const q = deleteRowQuestion({ ...empty(), name: '调解案件数量' }, 3);
    expect(q).toEqual({ title: '删除第 3 行？', body: '数量指标中的指标“调解案件数量”及其填写的内容将被删除；保存后无法恢复。', confirmLabel: '删除这一行' });
  });

  it('asks before 标为不适用 only when the category holds a filled row, and counts them', () => {
    expect(notApplicableQuestion('质量指标', [empty('质量指标'), empty('质量指标')])).toBeNull();
    const q = notApplicableQuestion('质量指标', [{ ...empty('质量指标'), name: '结案率' }, empty('质量指标'), { ...empty('质量指标'), value: '≥92%' }]);
    expect(q?.title).toBe('将“质量指标”标为不适用？');
    expect(q?.body).toContain('已填写的 2 行指标（“结案率”、这一行）');
    expect(q?.body).toContain('无质量指标');
  });
});
