/** A small valid table (reference table 1 in spirit) for tests. */
import type { TableData } from '@/lib/domain/schemas';

export function sampleTable(code = '13080024P00009810002A', total = '10.00'): TableData {
  const row = (level1: string, level2: string, name: string, value: string, target: TableData['indicators'][number]['target'], basis = '工作计划') => ({
    level1,
    level2,
    name,
    description: name,
    value,
    target,
    basis,
    isPlaceholder: false,
  });
  const placeholder = (level1: string, level2: string) => ({
    level1,
    level2,
    name: `无${level2}`,
    description: `无${level2}`,
    value: `无${level2}`,
    target: { kind: 'text' as const },
    basis: `无${level2}`,
    isPlaceholder: true,
  });
  return {
    code,
    name: '2024 调解仲裁和信访慰问业务经费',
    budget: { total, fiscal: total, other: null },
    purpose: '进一步加强劳动人事争议处理效能建设。',
    goal: '1. 仲裁结案率达到 92%以上。',
    schedule: [
      { month: 3, percent: 25 },
      { month: 6, percent: 50 },
      { month: 10, percent: 75 },
      { month: 12, percent: 100 },
    ],
    indicators: [
      row('产出指标', '质量指标', '案件结案率', '≥92%', { kind: 'quantity', op: '>=', number: 92, unit: '%' }),
      row('产出指标', '数量指标', '案件受理量', '≤300 件', { kind: 'quantity', op: '<=', number: 300, unit: '件' }),
      row('产出指标', '时效指标', '案件办理时限', '≤60 天', { kind: 'quantity', op: '<=', number: 60, unit: '天' }),
      row('产出指标', '成本指标', '总成本控制', `≤${Number(total)} 万元`, { kind: 'quantity', op: '<=', number: Number(total), unit: '万元' }),
      placeholder('效益指标', '经济效益指标'),
      row('效益指标', '社会效益指标', '劳动关系和谐度', '≥90%', { kind: 'quantity', op: '>=', number: 90, unit: '%' }),
      placeholder('效益指标', '生态效益指标'),
      row('效益指标', '可持续影响指标', '调解成功率', '≥62%', { kind: 'quantity', op: '>=', number: 62, unit: '%' }),
      row('满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%', { kind: 'quantity', op: '>=', number: 90, unit: '%' }, '经验标准'),
    ],
  };
}
