/**
 * The standard library as a sheet (README: 标准指标库 XLSX): one row per standard indicator, with the
 * columns below. Reading is pure: rows come in as text cells (lib/departments/import/read-rows.ts) and
 * leave as entries to write or per-row errors; the same file imported twice changes nothing.
 */
import { BUILTIN_FRAMEWORKS, findCategory } from '@/lib/domain/framework';
import { isPlaceholderRow, normaliseName } from './learn';

/** The columns, in the order the export writes them; the import finds them by name in the first row. */
export const STANDARD_COLUMNS = [
  { key: 'framework', title: 'framework', isRequired: true },
  { key: 'level1', title: '一级', isRequired: true },
  { key: 'level2', title: '二级', isRequired: true },
  { key: 'name', title: '三级', isRequired: true },
  { key: 'explanation', title: '指标解释', isRequired: false },
  { key: 'method', title: '计算方法', isRequired: false },
  { key: 'reference', title: '取值参考', isRequired: false },
  { key: 'measureUnit', title: '计量单位', isRequired: false },
  { key: 'basis', title: '指标值确定依据', isRequired: false },
] as const;

export type StandardColumn = (typeof STANDARD_COLUMNS)[number]['key'];
export type StandardRow = Record<StandardColumn, string>;
export type PlannedStandard = { row: number; key: { level1: string; level2: string; nameKey: string }; fields: StandardRow };
export type StandardRowError = { row: number; message: string };

const MAX = { framework: 20, level1: 50, level2: 50, name: 100, explanation: 1000, method: 1000, reference: 500, measureUnit: 20, basis: 200 } as const;

/** Header names accepted besides the documented ones (what people type in a hurry). */
const ALIASES: Partial<Record<StandardColumn, string[]>> = {
  framework: ['指标体系', 'framework'],
  level1: ['一级指标'],
  level2: ['二级指标'],
  name: ['三级指标', '指标名称'],
};

export function readStandardSheet(rows: readonly { row: number; cells: string[] }[]): { planned: PlannedStandard[]; errors: StandardRowError[] } {
  const [head, ...body] = rows;
  if (!head) return { planned: [], errors: [{ row: 1, message: '文件是空的：第一行应为表头（framework、一级、二级、三级……）' }] };
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  const index = {} as Record<StandardColumn, number>;
  const missing: string[] = [];
  for (const c of STANDARD_COLUMNS) {
    const names = [c.title, ...(ALIASES[c.key] ?? [])].map(norm);
    index[c.key] = head.cells.findIndex((h) => names.includes(norm(h)));
    if (index[c.key] < 0 && c.isRequired) missing.push(c.title);
  }
  if (missing.length > 0) return { planned: [], errors: [{ row: head.row, message: `表头缺少列：${missing.join('、')}（列名见 README 的“标准指标库”）` }] };
  const planned: PlannedStandard[] = [];
  const errors: StandardRowError[] = [];
  const seen = new Map<string, number>();
  for (const r of body) {
    const fields = {} as StandardRow;
    for (const c of STANDARD_COLUMNS) fields[c.key] = index[c.key] >= 0 ? (r.cells[index[c.key]] ?? '').trim() : '';
    const problems: string[] = [];
    for (const c of STANDARD_COLUMNS) {
      if (c.isRequired && !fields[c.key]) problems.push(`“${c.title}”未填写`);
      if (fields[c.key].length > MAX[c.key]) problems.push(`“${c.title}”最多 ${MAX[c.key]} 字`);
    }
    const framework = BUILTIN_FRAMEWORKS.find((f) => f.code === fields.framework);
    if (fields.framework && !framework) problems.push(`未知的指标体系“${fields.framework}”（可选 ${BUILTIN_FRAMEWORKS.map((f) => f.code).join('、')}）`);
    if (framework && fields.level2) {
      const found = findCategory(framework, fields.level2);
      if (!found) problems.push(`“${fields.level2}”不是 ${framework.name} 的二级指标`);
      else if (fields.level1 && found.section.name !== fields.level1) problems.push(`“${fields.level2}”应在一级指标“${found.section.name}”下，而不是“${fields.level1}”`);
    }
    if (fields.name && isPlaceholderRow({ name: fields.name, isPlaceholder: false })) problems.push(`“${fields.name}”是“无…指标”占位，不能作为标准指标`);
    const key = { level1: fields.level1, level2: fields.level2, nameKey: normaliseName(fields.name) };
    const id = `${key.level1}\u0000${key.level2}\u0000${key.nameKey}`;
    if (problems.length === 0 && seen.has(id)) problems.push(`与第 ${seen.get(id)} 行是同一指标（${fields.level2} · ${fields.name}）`);
    if (problems.length > 0) {
      errors.push({ row: r.row, message: `第 ${r.row} 行：${problems.join('；')}` });
      continue;
    }
    seen.set(id, r.row);
    planned.push({ row: r.row, key, fields });
  }
  if (planned.length === 0 && errors.length === 0) errors.push({ row: head.row, message: '表头下没有任何指标行' });
  return { planned, errors };
}
