import { describe, expect, it } from 'vitest';
import { fromSelfEvalInterchange, selfEvalToInterchange, selfEvalUnitYearToInterchange } from './selfeval-json';
import { fullSheet, tangxiSheet } from './selfeval-testing';

const unit = { code: '441001', name: '承德市人力资源和社会保障局本级' };

describe('自评表 interchange JSON', () => {
  it('writes the documented shape: unit, year and a selfEvaluation object, amounts and scores as strings', () => {
    const doc = selfEvalToInterchange(fullSheet(), unit);
    expect(Object.keys(doc)).toEqual(['unit', 'year', 'selfEvaluation']);
    expect(doc.unit).toEqual(unit);
    expect(doc.year).toBe(2024);
    const e = doc.selfEvaluation;
    expect(e.code).toBe('13080024P00009810002A');
    expect(e.funds[0]).toEqual({ label: '年度资金总额', initial: '10.00', annual: '12.00', executed: '11.40', weight: '10', rate: '95.00', score: '9.50' });
    // The 其中 rows have no 分值/执行率/得分 of their own.
    expect(e.funds[1]).toEqual({ label: '其中：当年财政拨款', initial: '10.00', annual: '10.00', executed: '9.40' });
    expect(e.indicators[0]).toMatchObject({ target: '≥1200件', actual: '1500件', weight: '15', score: '15.00', warning: '指标值设定偏低' });
    expect(e.indicators[1]).not.toHaveProperty('warning');
    expect(e).toMatchObject({ total: '100', selfScore: '87.50', grade: '良' });
  });

  it('reads back to the same sheet, one table and a unit-year, through JSON text', () => {
    for (const sheet of [fullSheet(), tangxiSheet()]) {
      const back = fromSelfEvalInterchange(JSON.parse(JSON.stringify(selfEvalToInterchange(sheet, unit))));
      expect(back).toEqual({ ok: true, unit, year: sheet.year, sheets: [sheet] });
    }
    const sheets = [fullSheet(), fullSheet({ projectCode: 'P2', selfScore: '92.25', grade: '优' })];
    const doc = selfEvalUnitYearToInterchange(unit, 2024, sheets);
    expect(doc.summary).toEqual({ scored: 2, average: '89.88', grades: { 优: 1, 良: 1, 中: 0, 差: 0 } });
    expect(fromSelfEvalInterchange(JSON.parse(JSON.stringify(doc)))).toEqual({ ok: true, unit, year: 2024, sheets });
  });

  it('refuses what it cannot take, naming the path in Chinese', () => {
    const doc = selfEvalToInterchange(fullSheet(), unit) as unknown as { selfEvaluation: Record<string, unknown> & { funds: Record<string, unknown>[] } };
    doc.selfEvaluation.funds[0]!.annual = '十二万';
    doc.selfEvaluation.grade = '甲';
    const r = fromSelfEvalInterchange(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toContain('selfEvaluation.funds.0.annual：应为数字字符串（如 "95.00"），或空字符串');
    expect(r.problems.some((p) => p.startsWith('selfEvaluation.grade：'))).toBe(true);
    const extra = fromSelfEvalInterchange({ unit: null, year: 2024, selfEvaluations: [{ ...selfEvalToInterchange(fullSheet()).selfEvaluation, name: '' }] });
    expect(extra).toEqual({ ok: false, problems: ['selfEvaluations.0.name：项目名称不能为空'] });
  });
});
