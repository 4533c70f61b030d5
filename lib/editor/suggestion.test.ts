import { describe, expect, it } from 'vitest';
import { commonValues, pickedFields, suggestedTarget, type PickedEntry } from './suggestion';

const satisfaction: PickedEntry = {
  name: '服务对象满意度',
  values: [{ value: '≥90%', count: 10 }, { value: '≥95%', count: 3 }],
  units: ['%'],
  comparators: ['>='],
  bases: ['经验标准'],
  descriptions: ['服务对象对工作的满意程度'],
};

describe('picking a library entry', () => {
  it('fills description, basis, comparator and unit, never the number', () => {
    const fields = pickedFields(satisfaction, { description: '', basis: '', target: { kind: 'text' } });
    expect(fields).toEqual({
      name: '服务对象满意度',
      description: '服务对象对工作的满意程度',
      basis: '经验标准',
      target: { kind: 'quantity', op: '>=', number: null, unit: '%' },
    });
  });

  it('keeps a number the owner already typed', () => {
    expect(suggestedTarget(satisfaction, { kind: 'quantity', op: '<=', number: 92, unit: '分' })).toEqual({ kind: 'quantity', op: '>=', number: 92, unit: '%' });
  });

  it('leaves a date or a text value alone, and a description or basis the library lacks', () => {
    const deadline: PickedEntry = { name: '完成时间', values: [{ value: '12 月 20 日前完成', count: 4 }], units: [], comparators: [], bases: [], descriptions: [] };
    expect(pickedFields(deadline, { description: '原描述', basis: '原依据', target: { kind: 'text' } })).toEqual({ name: '完成时间' });
  });

  it('shows common values as “≥90% · 10 张表”', () => {
    expect(commonValues(satisfaction)).toBe('≥90% · 10 张表；≥95% · 3 张表');
  });
});
