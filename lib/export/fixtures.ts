/**
 * Tables typed by hand from the reference (lib/demo/reference-441001-2024.txt), so the export tests
 * do not depend on the parser: table 1, table 13 (two 数量指标 rows apart; goal without its HTML),
 * table 16 (a long description the reference wraps over a page), and a 100-row table.
 */
import { placeholderText } from '@/lib/domain/framework';
import type { IndicatorRow, ScheduleCheckpoint, TargetTable } from '@/lib/domain/table';
import { parseTarget } from '@/lib/domain/target-value-parse';
import type { ExportSection, ExportTable } from './model';

function row(level1: string, level2: string, name: string, description: string, value: string, basis: string): IndicatorRow {
  return { level1, level2, name, description, value, target: parseTarget(value), basis, isPlaceholder: false };
}

/** A `无X指标` row: every cell after level 2 reads 无<level2>. */
function none(level1: string, level2: string): IndicatorRow {
  const t = placeholderText(level2);
  return { level1, level2, name: t, description: t, value: t, target: { kind: 'text' }, basis: t, isPlaceholder: true };
}

const QUARTERS: ScheduleCheckpoint[] = [
  { month: 3, percent: 25 },
  { month: 6, percent: 50 },
  { month: 10, percent: 75 },
];

const GOAL_1 =
  '进一步加强劳动人事争议处理效能建设，以提高调解仲裁质量和效率为中心任务，着力完善制度、创新机制、提升能力，' +
  '实现劳动人事仲裁办案规范化、科学化、保证完成仲裁调解成功率不低于 62%，仲裁结案率达到 92%以上的年度目标任务。' +
  '从而不断提高调解仲裁案件审理质量，切实维护劳动人事关系和谐与社会稳定。';

export const TABLE_1: TargetTable = {
  code: '13080024P00009810002A',
  name: '2024 调解仲裁和信访慰问业务经费',
  budget: { total: '10.00', fiscal: '10.00', other: null },
  purpose: GOAL_1,
  goal: `1. ${GOAL_1}`,
  schedule: QUARTERS,
  indicators: [
    row('产出指标', '质量指标', '案件结案率(%)', '案件结案率(%)', '≥92%', '工作计划'),
    row('产出指标', '数量指标', '案件受理量', '案件受理量', '≤300 件', '工作计划'),
    row('产出指标', '数量指标', '登记接待群众来访数量', '登记接待群众来访数量', '≤100 件', '工作计划'),
    row('产出指标', '质量指标', '仲裁结果执行率', '仲裁结果执行率', '100%', '工作计划'),
    row('产出指标', '时效指标', '案件办理时限', '案件办理时限', '≤60 天', '工作计划'),
    row('产出指标', '成本指标', '总成本控制', '总成本控制', '≤10 万元', '工作计划'),
    row('效益指标', '可持续影响指标', '对本行业未来可持续发展的影响', '对本行业未来可持续发展的影响', '完成良好', '工作计划'),
    row('效益指标', '社会效益指标', '构建和谐劳动关系', '构建和谐劳动关系', '有效提升', '工作计划'),
    none('效益指标', '经济效益指标'),
    none('效益指标', '生态效益指标'),
    row('满意度指标', '服务对象满意度指标', '服务对象满意度', '服务对象满意度', '≥90%', '经验标准'),
  ],
};

const BASIS_13 = '收费文件及年度工作计划';

export const TABLE_13: TargetTable = {
  code: '13080024P00049910001B',
  name: '2024 年度人事人才服务和社保体系工作经费',
  budget: { total: '200.00', fiscal: '200.00', other: null },
  purpose: '人事人才服务和社保体系建设',
  goal:
    '1. 劳动能力鉴定是为了维护工伤和病退职工合法权益，由设区的市劳动能力鉴定委员会组织医学专家，依据国家有关标准，' +
    '对劳动者伤、病情况，进行鉴定并作出技术性结论的行为。通过经费保障，规范组织劳动能力鉴定，作出准确鉴定结论，' +
    '使工伤职工尽快落实工伤保险待遇，得到国家救助，维护社会和谐稳定。\n' +
    '根据河北省职称改革领导小组办公室历年工作安排，在下半年集中开展高、中级职称申报评审工作，拟对全市企事业单位' +
    '专业技术人员，职称正常晋升及一步到位工作安排布置。经核岗备案，系统填报，资格审查，分配至各级评委会，组织答辩，' +
    '文件印制，证书打印等工作进行逐一落实。使我市专业技术人才队伍得到稳步提升，让企业得到更好更高效发展。',
  schedule: [...QUARTERS, { month: 12, percent: 100 }],
  indicators: [
    row('产出指标', '数量指标', '鉴定人次', '鉴定人次', '≥2800 人', BASIS_13),
    row('产出指标', '质量指标', '鉴定结果采用率', '鉴定结果采用率', '100%', BASIS_13),
    row('产出指标', '时效指标', '工作按时完成率', '工作按时完成率', '100%', BASIS_13),
    row('产出指标', '成本指标', '人力资源和社会保障工作经费成本控制率', '人力资源和社会保障工作经费成本控制率', '≤200 万元', BASIS_13),
    row('产出指标', '数量指标', '职称评审卷宗数量', '职称评审卷宗数量', '≤4500 卷', BASIS_13),
    row('产出指标', '质量指标', '职称评审淘汰率', '职称评审淘汰率', '≤10%', BASIS_13),
    row('效益指标', '社会效益指标', '深化为民服务人社实践，推动全市人社工作全面提档升级', '深化为民服务人社实践，推动全市人社工作全面提档升级', '完成工作良好', BASIS_13),
    row('效益指标', '可持续影响指标', '构建覆盖全面可持续的社会保障体系', '构建覆盖全面可持续的社会保障体系', '完成工作良好', BASIS_13),
    none('效益指标', '经济效益指标'),
    none('效益指标', '生态效益指标'),
    row('满意度指标', '服务对象满意度指标', '服务对象满意度', '申请鉴定人员满意度，申请评审人员满意度', '≥90%', '问卷调查'),
  ],
};

const BASIS_16 = '服务协议，行业规范';

export const TABLE_16: TargetTable = {
  code: '13080024P00009310002X',
  name: '2024 年度网上办公系统保障与安全维护服务费',
  budget: { total: '5.00', fiscal: '5.00', other: null },
  purpose: '保证系统安全畅通，确保数据不丢失，保证机关工作有序进行。',
  goal: '1. 保证系统安全畅通，确保数据不丢失，保证机关工作有序进行。',
  schedule: QUARTERS,
  indicators: [
    row('产出指标', '数量指标', '系统软件运维数量（个）', '系统软件运维数量（个）', '≥1 个', BASIS_16),
    row('产出指标', '质量指标', '系统故障解决率（%）', '系统故障解决率（%）', '≥96%', BASIS_16),
    row('产出指标', '时效指标', '系统维护响应时间', '系统在规定时间内维护，不延期', '系统在规定时间内维护，不延期', BASIS_16),
    row('产出指标', '时效指标', '运维故障处理及时性', '系统故障发生 30 分钟内进行处理', '≤30 分钟', BASIS_16),
    row('产出指标', '成本指标', '总成本控制', '总成本控制', '≤5 万元', BASIS_16),
    row('效益指标', '社会效益指标', '提升网络安全故障处理能力', '提升网络安全故障处理能力', '有效提升', '服务协议年度工作计划'),
    row(
      '效益指标',
      '可持续影响指标',
      '提供长期稳定服务',
      '提供长期稳定服务 系统建成能够长期稳定保障办公系统正常运行，保障业务工作正常运转。',
      '长期提供',
      '服务协议年度工作计划',
    ),
    none('效益指标', '经济效益指标'),
    none('效益指标', '生态效益指标'),
    row('满意度指标', '服务对象满意度指标', '工作人员满意度', '工作人员满意度', '≥95%', '问卷调查'),
  ],
};

const LEVELS: [string, string][] = [
  ['产出指标', '数量指标'],
  ['产出指标', '质量指标'],
  ['产出指标', '时效指标'],
  ['产出指标', '成本指标'],
  ['效益指标', '社会效益指标'],
  ['效益指标', '可持续影响指标'],
  ['满意度指标', '服务对象满意度指标'],
];

/** `rows` indicator rows, in runs of 1–3 rows per category, some cells long enough to wrap. */
export function longTable(rows: number): TargetTable {
  const indicators: IndicatorRow[] = [];
  for (let i = 0; i < rows; i++) {
    const [level1, level2] = LEVELS[Math.min(LEVELS.length - 1, Math.floor((i * LEVELS.length) / rows))]!;
    const long = i % 7 === 3 ? '，并按季度报送进度、按年度接受主管部门和财政部门的绩效评价与抽查复核' : '';
    indicators.push(row(level1, level2, `第${i + 1}项指标`, `第${i + 1}项指标的描述${long}`, `≥${i + 1}件`, '年度工作计划'));
  }
  return { ...TABLE_16, code: `13080024P0009990${String(rows).padStart(4, '0')}X`, name: `${rows} 行指标的测试项目`, indicators };
}

export const UNIT = { code: '441001', name: '承德市人力资源和社会保障局本级' };

/** A section of the given tables, numbered from 1 unless numbers are given. */
export function fixtureSection(tables: (TargetTable | ExportTable)[], opts: Partial<ExportSection> = {}): ExportSection {
  return {
    unit: UNIT,
    year: 2024,
    projectExpenditure: null,
    tables: tables.map((t, i) => ('table' in t ? t : { number: i + 1, table: t, isDraft: false })),
    includeCover: false,
    asOf: new Date(Date.UTC(2024, 0, 15)),
    ...opts,
  };
}
