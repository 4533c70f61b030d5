import { describe, expect, it } from 'vitest';
import { DEFAULT_LIGHT_THRESHOLDS } from './lights';
import { emptyEntry, entriesFor, evaluateReport, type ReportData } from './monitoring';

const rows = [
  { key: 'a', value: '≥92%', isPlaceholder: false },
  { key: 'b', value: '≥1200人次', isPlaceholder: false },
  { key: 'p', value: '无经济效益指标', isPlaceholder: true },
];
const period = { month: 6, year: 2024, thresholds: DEFAULT_LIGHT_THRESHOLDS };
const data = (over: Partial<ReportData> = {}): ReportData => ({
  budget: '100.00',
  executed: '',
  forecast: '',
  goalProgress: '',
  analysis: '',
  needsRectification: false,
  rectification: '',
  entries: entriesFor(rows, []),
  ...over,
});

describe('a monitoring report evaluated', () => {
  it('has one entry per row that is not a placeholder, keeping what was saved', () => {
    const saved = [{ ...emptyEntry('b'), actual: '600人次' }];
    expect(entriesFor(rows, saved).map((e) => [e.rowKey, e.actual])).toEqual([['a', ''], ['b', '600人次']]);
  });

  it('gives no light and no problem while nothing is filled', () => {
    const r = evaluateReport(data(), rows, period);
    expect(r).toMatchObject({ light: 'none', redCount: 0, problems: [] });
  });

  it('lights each row, the funds and the table (the worst), and counts reds and yellows', () => {
    const entries = [{ ...emptyEntry('a'), actual: '93%' }, { ...emptyEntry('b'), actual: '420人次' }];
    const r = evaluateReport(data({ executed: '35.00', entries }), rows, period);
    expect(r.rows.a).toMatchObject({ light: 'green' });
    // 420 ÷ (1200 × 6/12) = 70%: yellow; funds 35 ÷ 50 = 70%: yellow.
    expect(r.rows.b).toMatchObject({ light: 'yellow', progress: 70 });
    expect(r.funds).toMatchObject({ light: 'yellow', progress: 70 });
    expect(r).toMatchObject({ light: 'yellow', redCount: 0, yellowCount: 2 });
    expect(r.problems).toEqual([{ path: 'entries.1.reasons', message: '黄灯的指标须填写偏差原因分析' }]);
  });

  it('requires a reason on a red row and 整改措施 when any light is red; a reason in words counts', () => {
    const entries = [{ ...emptyEntry('a'), actual: '40%' }, { ...emptyEntry('b'), actual: '600人次' }];
    const r = evaluateReport(data({ entries }), rows, period);
    expect(r.light).toBe('red');
    expect(r.problems.map((p) => p.path)).toEqual(['entries.0.reasons', 'rectification']);
    const fixed = evaluateReport(data({ entries: [{ ...entries[0]!, reasonText: '人员不足' }, entries[1]!], rectification: '补充人员' }), rows, period);
    expect(fixed.problems).toEqual([]);
  });

  it('uses the row’s own 累计 setting and the unit-year’s thresholds', () => {
    const entries = [{ ...emptyEntry('a'), actual: '50%', cumulative: true }];
    expect(evaluateReport(data({ entries }), rows, period).rows.a).toMatchObject({ light: 'green' });
    const strict = { ...period, thresholds: { yellowFrom: 90, greenFrom: 110, blueFrom: 130 } };
    expect(evaluateReport(data({ entries }), rows, strict).rows.a).toMatchObject({ light: 'yellow' });
  });
});
