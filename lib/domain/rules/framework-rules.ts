/** The table against the unit-year's indicator framework. */
import { BUILTIN_FRAMEWORKS, findCategory, type CategoryRole, type Framework } from '../framework';
import type { TargetTable } from '../table';
import { groupPath, rowPath } from './helpers';
import type { Check } from './types';

/** The known framework (other than the current one) a foreign category comes from, and its role there. */
function foreignCategory(current: Framework, level2: string): { framework: Framework; role: CategoryRole } | null {
  for (const f of BUILTIN_FRAMEWORKS) {
    if (f.code === current.code) continue;
    const found = findCategory(f, level2);
    if (found) return { framework: f, role: found.category.role };
  }
  return null;
}

/** `财预〔2021〕101号（2021 版）` → `2021 版指标体系`; a framework without such a tag keeps its name. */
function shortName(f: Framework): string {
  const tag = /（([^（）]*版)）/.exec(f.name)?.[1];
  return tag ? `${tag}指标体系` : f.name;
}

type ForeignRows = { level1: string; level2: string; role: CategoryRole; from: Framework; rows: number[]; isPlaceholderOnly: boolean };

/** What is wrong with one foreign category and how to fix it: where its role lives in this year's framework. */
function foreignMessage(current: Framework, f: ForeignRows): string {
  const where = `“${f.level1} · ${f.level2}”（第 ${f.rows.map((i) => i + 1).join('、')} 行）是${shortName(f.from)}的写法`;
  const homes = current.sections.flatMap((s) => s.categories.filter((c) => c.role === f.role).map((c) => ({ section: s.name, name: c.name })));
  const first = homes[0];
  if (!first) {
    const siblings = current.sections.find((s) => s.name === f.level1)?.categories.map((c) => c.name) ?? [];
    const fix = f.isPlaceholderOnly
      ? `请删除“无${f.level2}”${f.rows.length > 1 ? '这些行' : '这一行'}`
      : `请把这些指标改放到${siblings.length > 0 ? `“${f.level1}”下更合适的二级指标（${siblings.join('、')}）` : '本年度指标体系中合适的二级指标下'}，或删除`;
    return `${where}。${shortName(current)}没有${f.level2}：${fix}`;
  }
  if (homes.length === 1) {
    return `${where}。${shortName(current)}中${f.level2}对应“${first.section} · ${first.name}”：请把一级指标改为“${first.section}”、二级指标改为“${first.name}”`;
  }
  const names = homes.map((h) => h.name).join('、');
  const isLevel1 = current.sections.some((s) => s.name === f.level2);
  return `${where}。${shortName(current)}中${isLevel1 ? `${f.level2}是一级指标` : `${f.level2}对应一级指标“${first.section}”`}，其下为${names}：请把这些行移到一级指标“${first.section}”下，并选用其中相应的二级指标`;
}

export const checkFramework: Check = (table: TargetTable, ctx, report) => {
  const fw = ctx.framework;
  const present = new Map<string, { indicators: number; placeholders: number }>();
  // One finding per foreign category, however many rows use it.
  const foreign = new Map<string, ForeignRows>();
  table.indicators.forEach((row, i) => {
    const found = findCategory(fw, row.level2);
    if (!found) {
      const other = foreignCategory(fw, row.level2);
      if (!other) {
        report('framework.unknown-category', rowPath(i, 'level2'), `“${row.level2}”不是${fw.name}中的二级指标，请选用指标体系中的类别`);
        return;
      }
      const key = `${row.level1}/${row.level2}`;
      const seen = foreign.get(key);
      if (seen) {
        seen.rows.push(i);
        seen.isPlaceholderOnly &&= row.isPlaceholder;
      } else {
        foreign.set(key, { level1: row.level1, level2: row.level2, role: other.role, from: other.framework, rows: [i], isPlaceholderOnly: row.isPlaceholder });
      }
      return;
    }
    if (found.section.name !== row.level1) {
      report('framework.level2-misplaced', rowPath(i, 'level1'), `“${row.level2}”应在一级指标“${found.section.name}”下，而不是“${row.level1}”下`);
    }
    const key = `${found.section.name}/${row.level2}`;
    const seen = present.get(key) ?? { indicators: 0, placeholders: 0 };
    if (row.isPlaceholder) seen.placeholders++;
    else seen.indicators++;
    present.set(key, seen);
  });
  for (const f of foreign.values()) report('framework.other-framework', rowPath(f.rows[0]!, 'level2'), foreignMessage(fw, f));
  for (const section of fw.sections) {
    const inSection = section.categories.filter((c) => present.has(`${section.name}/${c.name}`));
    if (inSection.length === 0 && !table.indicators.some((r) => r.level1 === section.name)) {
      report('framework.level1-missing', `section:${section.name}`, `缺少一级指标“${section.name}”：请填写其下的二级指标，不适用的标为“无X指标”`);
      continue;
    }
    for (const c of section.categories) {
      const seen = present.get(`${section.name}/${c.name}`);
      if (!seen) {
        report('framework.level2-missing', groupPath(section.name, c.name), `“${section.name} · ${c.name}”没有填写：请填写指标，或标为不适用（无${c.name}）`);
      } else if (seen.indicators > 0 && seen.placeholders > 0) {
        report('framework.placeholder-with-indicators', groupPath(section.name, c.name), `“${c.name}”既有指标又有“无${c.name}”一行：有指标时请删除“无${c.name}”`);
      }
    }
  }
};
