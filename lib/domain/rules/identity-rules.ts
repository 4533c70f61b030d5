/** Identity: code format, uniqueness, and one project named the same everywhere. */
import type { TargetTable } from '../table';
import { similarity } from './helpers';
import { BREAKS } from './thresholds';
import type { Check, MentionInput, Report } from './types';

export const checkCode: Check = (table, ctx, report) => {
  ctx.measure?.('identity.code-format', table.code);
  if (BREAKS['identity.code-format'](table.code, ctx.profile)) {
    const hint = ctx.profile.codePattern === '^[0-9A-Z]{21}$' ? '（21 位大写字母或数字，如 13080024P00009810002A）' : `（格式：${ctx.profile.codePattern}）`;
    const what = table.code.trim() === '' ? '项目编码未填写' : `项目编码“${table.code}”不符合本年度的编码格式`;
    report('identity.code-format', 'code', `${what}${hint}`);
  }
};

const normalise = (s: string) => s.replace(/\s+/g, '').replace(/年度/g, '').replace(/^\d{4}年?/, '');

/** Unit-year: duplicate codes, and names that differ between title, table and narrative. */
export function checkIdentity(
  tables: readonly TargetTable[],
  mentions: readonly MentionInput[],
  titles: readonly { code: string; title: string }[],
  reportFor: (table: TargetTable) => Report,
): void {
  const byCode = new Map<string, TargetTable[]>();
  for (const t of tables) {
    const list = byCode.get(t.code);
    if (list) list.push(t);
    else byCode.set(t.code, [t]);
  }
  for (const [code, list] of byCode) {
    if (list.length > 1) for (const t of list.slice(1)) reportFor(t)('identity.code-duplicate', 'code', `项目编码 ${code} 在本年度出现了 ${list.length} 次（“${list.map((x) => x.name).join('”“')}”）：同一年度内编码不能重复，请核对并改正其中一个`);
  }
  for (const { code, title } of titles) {
    const t = byCode.get(code)?.[0];
    if (t && normalise(title) !== normalise(t.name)) {
      reportFor(t)('identity.name-mismatch', 'name', `表标题“${title}”与项目名称“${t.name}”不一致，请核对`);
    }
  }
  // Match each narrative mention to a table with the same amount, most similar names first.
  const pairs: { m: MentionInput; t: TargetTable; score: number }[] = [];
  for (const m of mentions) {
    for (const t of tables) if (t.budget.total === m.amount) pairs.push({ m, t, score: similarity(normalise(m.name), normalise(t.name)) });
  }
  pairs.sort((a, b) => b.score - a.score);
  const usedM = new Set<MentionInput>();
  const usedT = new Set<TargetTable>();
  for (const p of pairs) {
    if (usedM.has(p.m) || usedT.has(p.t) || p.score < 0.3) continue;
    usedM.add(p.m);
    usedT.add(p.t);
    if (normalise(p.m.name) !== normalise(p.t.name)) {
      reportFor(p.t)('identity.name-mismatch', 'name', `项目名称“${p.t.name}”与预算说明（第 ${p.m.line} 行）中的“${p.m.name}”不一致，请核对哪一个是正确的名称`);
    }
  }
}
