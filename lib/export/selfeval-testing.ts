/** Test data for the 自评表 exports and the importer: the transcribed 棠溪镇 table and a full constructed one. */
import type { SelfEvalFundsRow, SelfEvalSheet } from '@/lib/domain/selfeval-sheet';
import tangxi from '@/lib/domain/testing/selfeval-tangxi-2022.json';

const FUNDS_LABELS: Record<string, SelfEvalFundsRow['label']> = {
  年度资金总额: '年度资金总额',
  // The published table says 本年; the printed shape names the row 当年 (the same row).
  '其中：本年财政拨款': '其中：当年财政拨款',
  '其中：当年财政拨款': '其中：当年财政拨款',
  上年结转资金: '上年结转资金',
  其他资金: '其他资金',
};

/**
 * The transcribed values of the 棠溪镇 2022 table as a SelfEvalSheet. The transcription has no goal
 * or footer (its note says why); the project is its source's project, 实施单位 its source's unit, and
 * 主管部门 as the published table prints it (219-…, the unit's 主管部门 code; seen in the same source).
 */
export function tangxiSheet(): SelfEvalSheet {
  return {
    year: 2022,
    projectName: tangxi.source.project,
    projectCode: '',
    department: '219-池州市贵池区棠溪镇人民政府',
    implementingUnit: tangxi.source.unit,
    funds: tangxi.funds.rows.map((r) => {
      const scored = r as { weight?: string; rate?: string; score?: string };
      return { label: FUNDS_LABELS[r.name]!, initial: r.initial, annual: r.annual, executed: r.executed, weight: scored.weight ?? '', rate: scored.rate ?? '', score: scored.score ?? '' };
    }),
    goal: { expected: '', actual: '' },
    indicators: tangxi.indicators.map((r) => ({ level1: r.level1, level2: r.level2, name: r.name, target: r.target, actual: r.actual, weight: r.weight, score: r.score, deviation: '' })),
    selfScore: '',
    grade: '',
  };
}

/** A complete table: every block filled, a row below full marks with its reasons, a 偏低 flag, formula-like text. */
export function fullSheet(overrides: Partial<SelfEvalSheet> = {}): SelfEvalSheet {
  return {
    year: 2024,
    projectName: '2024 调解仲裁和信访慰问业务经费',
    projectCode: '13080024P00009810002A',
    department: '承德市人力资源和社会保障局',
    implementingUnit: '承德市人力资源和社会保障局本级',
    funds: [
      { label: '年度资金总额', initial: '10.00', annual: '12.00', executed: '11.40', weight: '10', rate: '95.00', score: '9.50' },
      { label: '其中：当年财政拨款', initial: '10.00', annual: '10.00', executed: '9.40', weight: '', rate: '', score: '' },
      { label: '上年结转资金', initial: '0.00', annual: '2.00', executed: '2.00', weight: '', rate: '', score: '' },
      { label: '其他资金', initial: '', annual: '', executed: '', weight: '', rate: '', score: '' },
    ],
    goal: { expected: '1. 案件结案率不低于92%；2. 执法监督检查按期完成。', actual: '1. 结案率95%；2. 12月18日完成全部检查。' },
    indicators: [
      { level1: '产出指标', level2: '数量指标', name: '调解仲裁案件数', target: '≥1200件', actual: '1500件', weight: '15', score: '15.00', deviation: '', warning: '指标值设定偏低' },
      { level1: '产出指标', level2: '数量指标', name: '信访慰问人次', target: '≥300人次', actual: '240人次', weight: '15', score: '12.00', deviation: '部分慰问对象迁出本市；下年按实际名单编制。' },
      { level1: '产出指标', level2: '质量指标', name: '案件结案率', target: '≥92%', actual: '95%', weight: '10', score: '10.00', deviation: '' },
      { level1: '产出指标', level2: '时效指标', name: '执法监督检查及时完成', target: '12月20日前完成', actual: '12月18日完成', weight: '10', score: '10.00', deviation: '' },
      { level1: '效益指标', level2: '社会效益指标', name: '劳动争议处理效能', target: '有效提升', actual: '部分达成年度指标并具有一定效果', weight: '30', score: '21.00', deviation: '=HYPERLINK("http://x") 信息化平台年底才上线，明年继续推进。' },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '当事人满意度', target: '≥90%', actual: '92%', weight: '10', score: '10.00', deviation: '' },
    ],
    selfScore: '87.50',
    grade: '良',
    ...overrides,
  };
}
