/** The table against the unit-year's indicator framework. */
import { BUILTIN_FRAMEWORKS, findCategory, type Framework } from '../framework';
import type { TargetTable } from '../table';
import { groupPath, rowPath } from './helpers';
import type { Check } from './types';

/** Which other known framework a category belongs to, for a message that says how to fix it. */
function otherFrameworkOf(current: Framework, level1: string, level2: string): Framework | null {
  return (
    BUILTIN_FRAMEWORKS.find(
      (f) => f.code !== current.code && (findCategory(f, level2) !== null || f.sections.some((s) => s.name === level1 && !current.sections.some((c) => c.name === level1))),
    ) ?? null
  );
}

function costFix(current: Framework): string {
  const costSection = current.sections.find((s) => s.categories.some((c) => c.role === 'cost'));
  if (!costSection) return '';
  const names = costSection.categories.filter((c) => c.role === 'cost').map((c) => c.name);
  return costSection.name === '成本指标'
    ? `本年度采用${current.name}：成本指标是一级指标，其下为${names.join('、')}；请把成本类指标移到一级指标“成本指标”下。`
    : `本年度采用${current.name}：成本指标是“${costSection.name}”下的二级指标；请把成本类指标改为“${costSection.name} · ${names[0]}”。`;
}

export const checkFramework: Check = (table: TargetTable, ctx, report) => {
  const fw = ctx.framework;
  const present = new Map<string, { indicators: number; placeholders: number }>();
  let otherFrameworkReported = false;
  table.indicators.forEach((row, i) => {
    const found = findCategory(fw, row.level2);
    if (!found) {
      const other = otherFrameworkOf(fw, row.level1, row.level2);
      if (other) {
        if (!otherFrameworkReported) {
          report(
            'framework.other-framework',
            rowPath(i, 'level2'),
            `“${row.level1} · ${row.level2}”是${other.name}的写法。${costFix(fw)}`,
          );
          otherFrameworkReported = true;
        }
      } else {
        report('framework.unknown-category', rowPath(i, 'level2'), `“${row.level2}”不是${fw.name}中的二级指标，请选用指标体系中的类别`);
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
