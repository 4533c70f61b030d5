/**
 * What importing a sheet of units would do, as a pure plan: each row created, updated (name, parent)
 * or unchanged, and every bad row with its row number. Checked against the units already there and
 * the whole file at once, so a parent may come later in the file and no cycle can be formed.
 */
import { unitInput } from '@/lib/admin/schemas';
import { columnsOf, type SheetRow } from './read-rows';

export type ExistingUnit = { id: number; code: string; name: string; parentId: number | null };
export type RowError = { row: number; messages: string[] };
export type UnitPlanItem = {
  row: number;
  code: string;
  name: string;
  parentCode: string | null;
  action: 'create' | 'update' | 'unchanged';
  /** For updates: what changes, e.g. `名称`, `上级单位`. */
  changes: string[];
};
export type UnitPlan = { items: UnitPlanItem[]; errors: RowError[] };

const COLUMNS = {
  code: { names: ['单位编码', '编码', 'code'], isRequired: true },
  name: { names: ['单位名称', '名称', 'name'], isRequired: true },
  parent: { names: ['上级单位编码', '上级单位', '上级编码', 'parent'], isRequired: false },
} as const;

export function planUnitImport(rows: readonly SheetRow[], existing: readonly ExistingUnit[]): UnitPlan {
  const errors: RowError[] = [];
  const [header, ...body] = rows;
  if (!header) return { items: [], errors: [{ row: 1, messages: ['文件是空的：第一行应为表头（单位编码、单位名称、上级单位编码）'] }] };
  const { columns, missing } = columnsOf(header.cells, COLUMNS);
  if (missing.length > 0) return { items: [], errors: [{ row: header.row, messages: [`表头缺少：${missing.join('、')}`] }] };
  if (body.length === 0) return { items: [], errors: [{ row: header.row, messages: ['表头下没有单位'] }] };

  const byCode = new Map(existing.map((u) => [u.code, u]));
  const byId = new Map(existing.map((u) => [u.id, u]));
  const inFile = new Map<string, { row: number; name: string; parentCode: string | null }>();
  for (const r of body) {
    const cell = (i: number) => (i >= 0 ? (r.cells[i] ?? '') : '');
    const parsed = unitInput.safeParse({ code: cell(columns.code), name: cell(columns.name) });
    const messages = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
    const code = parsed.success ? parsed.data.code : cell(columns.code);
    // Without a parent column the file says nothing about the tree: a unit there keeps its parent.
    const current = byCode.get(cell(columns.code));
    const kept = current?.parentId != null ? (byId.get(current.parentId)?.code ?? null) : null;
    const parentCode = columns.parent >= 0 ? cell(columns.parent) || null : kept;
    if (parsed.success && inFile.has(code)) messages.push(`单位编码 ${code} 与第 ${inFile.get(code)!.row} 行重复`);
    if (parentCode !== null && parentCode === code) messages.push('上级单位不能是自己');
    if (messages.length > 0) {
      errors.push({ row: r.row, messages });
      continue;
    }
    inFile.set(code, { row: r.row, name: parsed.data!.name, parentCode });
  }
  // Parents: in the file or already there; the resulting tree must have no cycle.
  const parentOf = (code: string): string | null => {
    const f = inFile.get(code);
    if (f) return f.parentCode;
    const u = byCode.get(code);
    return u?.parentId != null ? (byId.get(u.parentId)?.code ?? null) : null;
  };
  const items: UnitPlanItem[] = [];
  for (const [code, f] of inFile) {
    const messages: string[] = [];
    if (f.parentCode && !inFile.has(f.parentCode) && !byCode.has(f.parentCode)) messages.push(`上级单位 ${f.parentCode} 既不在文件中，也不在系统中`);
    else {
      const seen = new Set([code]);
      for (let p = f.parentCode; p !== null; p = parentOf(p)) {
        if (seen.has(p)) {
          messages.push(`上级关系形成循环（${[...seen, p].join(' → ')}）`);
          break;
        }
        seen.add(p);
      }
    }
    if (messages.length > 0) {
      errors.push({ row: f.row, messages });
      continue;
    }
    const now = byCode.get(code);
    const item = { row: f.row, code, name: f.name, parentCode: f.parentCode };
    if (!now) {
      items.push({ ...item, action: 'create', changes: [] });
      continue;
    }
    const changes: string[] = [];
    if (now.name !== f.name) changes.push('名称');
    const nowParent = now.parentId === null ? null : (byId.get(now.parentId)?.code ?? null);
    if (nowParent !== f.parentCode) changes.push('上级单位');
    items.push({ ...item, action: changes.length > 0 ? 'update' : 'unchanged', changes });
  }
  errors.sort((a, b) => a.row - b.row);
  return { items, errors };
}
