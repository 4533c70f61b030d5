/** A valid table for the scripts, and helpers to create one through the app's own action. */
import { Client, outcome } from './http';

export function scriptTable(code: string, purpose = '可靠性测试') {
  const q = (level1: string, level2: string, name: string, op: string, n: number, unit: string, value: string) => ({
    level1, level2, name, description: name, value, target: { kind: 'quantity', op, number: n, unit }, basis: '年度工作计划', isPlaceholder: false,
  });
  const ph = (level1: string, level2: string) => ({
    level1, level2, name: `无${level2}`, description: `无${level2}`, value: `无${level2}`, target: { kind: 'text' }, basis: `无${level2}`, isPlaceholder: true,
  });
  return {
    code,
    name: `可靠性测试表 ${code}`,
    budget: { total: '10.00', fiscal: '10.00', other: null },
    purpose,
    goal: '1. 按计划完成测试任务。',
    schedule: [
      { month: 3, percent: 25 },
      { month: 6, percent: 50 },
      { month: 10, percent: 75 },
      { month: 12, percent: 100 },
    ],
    indicators: [
      q('产出指标', '数量指标', '测试次数', '>=', 10, '次', '≥10 次'),
      q('产出指标', '质量指标', '通过率', '=', 100, '%', '100%'),
      q('产出指标', '时效指标', '完成时限', '<=', 30, '天', '≤30 天'),
      q('产出指标', '成本指标', '总成本控制', '<=', 10, '万元', '≤10 万元'),
      ph('效益指标', '经济效益指标'),
      q('效益指标', '社会效益指标', '服务覆盖率', '>=', 90, '%', '≥90%'),
      ph('效益指标', '生态效益指标'),
      q('效益指标', '可持续影响指标', '持续运行率', '>=', 95, '%', '≥95%'),
      q('满意度指标', '服务对象满意度指标', '满意度', '>=', 90, '%', '≥90%'),
    ],
  };
}

export const SCRIPT_TABLE_ROWS = 9;
export const SCRIPT_TABLE_CHECKPOINTS = 4;

export async function demoUnitYearId(client: Client): Promise<number> {
  const r = await client.get('/api/unit-years');
  const list = (r.json as { unitYears?: { id: number; unitCode: string; year: number }[] }).unitYears ?? [];
  const found = list.find((u) => u.unitCode === '441001' && u.year === 2024) ?? list[0];
  if (!found) throw new Error(`cannot find the demo unit-year: ${JSON.stringify(r.json).slice(0, 200)}`);
  return found.id;
}

export async function createScriptTable(client: Client, unitYearId: number, code: string): Promise<number> {
  const r = outcome(await client.action('createTableAction', [{ unitYearId, table: scriptTable(code) }]));
  if (!r.ok) throw new Error(`could not create table ${code}: ${r.code}`);
  return (r.data as { projectId: number }).projectId;
}
