/** Synthetic units and tables for scale tests (`pt db:synth --projects N`). Deterministic per seed. */
import { findFrameworkByCode } from '@/db/queries/frameworks';
import { analyze, insertSynthUnits, maxSynthUnitCode, type SynthIndicator, type SynthProject, type SynthUnit } from '@/db/queries/synth';
import { FRAMEWORK_2015, placeholderText } from '@/lib/domain/framework';
import { maxProjectId } from '@/db/queries/library';
import { learnApprovedAfter } from '@/lib/library/commands/rebuild-library';

const TOPICS = ['人才引进', '社保卡邮寄', '档案管理', '劳动监察', '职业培训', '就业指导', '信息系统运维', '调解仲裁', '养老保险补助', '公共实训', '政策宣传', '网络维护', '考试考务', '专家评审', '设备购置'];
const SUFFIXES = ['工作经费', '专项资金', '服务费', '补助资金', '运维费', '建设费用'];
const STATUSES = ['draft', 'draft', 'submitted', 'returned', 'approved', 'approved', 'approved'];

/** A small deterministic PRNG so the same seed gives the same data. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function indicators(totalWan: string, rand: () => number): SynthIndicator[] {
  const q = (level1: string, level2: string, name: string, comparator: string, n: number, unit: string, basis = '年度工作计划'): SynthIndicator => ({
    level1, level2, name, description: name, value: `${comparator === '=' ? '' : comparator === '>=' ? '≥' : '≤'}${n}${unit === '%' ? '' : ' '}${unit}`,
    valueKind: 'quantity', comparator, number: String(n), unit, deadlineMonth: null, deadlineDay: null, basis, isPlaceholder: false,
  });
  const ph = (level1: string, level2: string): SynthIndicator => {
    const p = placeholderText(level2);
    return { level1, level2, name: p, description: p, value: p, valueKind: 'text', comparator: null, number: null, unit: null, deadlineMonth: null, deadlineDay: null, basis: p, isPlaceholder: true };
  };
  return [
    q('产出指标', '数量指标', '服务人次', '>=', 100 + Math.floor(rand() * 5000), '人'),
    q('产出指标', '数量指标', '完成项目数量', '>=', 1 + Math.floor(rand() * 10), '项'),
    q('产出指标', '质量指标', '验收合格率', '=', 100, '%'),
    {
      level1: '产出指标', level2: '时效指标', name: '完成时间', description: '按期完成', value: '12 月 20 日前完成', valueKind: 'deadline',
      comparator: null, number: null, unit: null, deadlineMonth: 12, deadlineDay: 20, basis: '年度工作计划', isPlaceholder: false,
    },
    q('产出指标', '成本指标', '总成本控制', '<=', Number(totalWan), '万元', '预算批复'),
    ph('效益指标', '经济效益指标'),
    q('效益指标', '社会效益指标', '政策知晓率', '>=', 85 + Math.floor(rand() * 10), '%'),
    ph('效益指标', '生态效益指标'),
    q('效益指标', '可持续影响指标', '服务持续运行率', '>=', 95, '%'),
    q('满意度指标', '服务对象满意度指标', '服务对象满意度', '>=', 90, '%', '经验标准'),
  ];
}

function project(unitSeq: number, i: number, year: number, rand: () => number): SynthProject {
  const totalCents = 100 + Math.floor(rand() * 50_000);
  const totalWan = (totalCents / 100).toFixed(2);
  const topic = TOPICS[Math.floor(rand() * TOPICS.length)]!;
  const suffix = SUFFIXES[Math.floor(rand() * SUFFIXES.length)]!;
  return {
    code: `9${String(unitSeq).padStart(7, '0')}P${String(i).padStart(11, '0')}X`,
    name: `${year} 年度${topic}${suffix}（${i}）`,
    totalYuan: totalCents * 100,
    purpose: `用于${topic}相关支出，保障工作正常开展。`,
    goal: `1. 按计划完成${topic}各项任务，服务对象满意度不低于 90%。`,
    status: STATUSES[Math.floor(rand() * STATUSES.length)]!,
    schedule: [
      { month: 3, percent: 25 },
      { month: 6, percent: 50 },
      { month: 10, percent: 75 },
      { month: 12, percent: 100 },
    ],
    indicators: indicators(totalWan, rand),
  };
}

export type SynthOptions = { projects: number; perUnit: number; year: number; seed: number };

export type SynthResult = { units: number; projects: number; firstUnitCode: string; lastUnitCode: string };

export async function synthesize(opts: SynthOptions, userId: number | null): Promise<SynthResult> {
  const framework = await findFrameworkByCode(FRAMEWORK_2015.code);
  if (!framework) throw new Error('框架未初始化');
  const rand = prng(opts.seed);
  const before = await maxProjectId();
  let seq = await maxSynthUnitCode('9');
  const unitCode = (n: number) => `9${String(n).padStart(5, '0')}`;
  const firstUnitCode = unitCode(seq + 1);
  let remaining = opts.projects;
  let units = 0;
  let projects = 0;
  while (remaining > 0) {
    const batch: SynthUnit[] = [];
    for (let b = 0; b < 50 && remaining > 0; b++) {
      const n = Math.min(opts.perUnit, remaining);
      seq++;
      batch.push({
        code: unitCode(seq),
        name: `合成测试单位 ${String(seq).padStart(5, '0')}`,
        year: opts.year,
        frameworkId: framework.id,
        projects: Array.from({ length: n }, (_, i) => project(seq, i + 1, opts.year, rand)),
      });
      remaining -= n;
    }
    projects += await insertSynthUnits(batch, userId);
    units += batch.length;
  }
  // Synthetic tables are written approved directly, past the approval that feeds the library.
  await learnApprovedAfter(before);
  await analyze();
  return { units, projects, firstUnitCode, lastUnitCode: unitCode(seq) };
}
