import { describe, expect, it } from 'vitest';
import { tableSchema } from '@/lib/domain/schemas';
import { parsePublished } from './parse';
import { renderDocument } from './render';
import type { TargetTable } from '@/lib/domain/table';
import { TABLE_1 } from '@/lib/export/fixtures';

/** The importer (lib/projects/import.ts) refuses a parsed table that tableSchema refuses; these are the tables it sees. */
function parsedWith(edit: (t: TargetTable) => void) {
  const table = structuredClone(TABLE_1);
  edit(table);
  const doc = parsePublished(renderDocument({ unit: { code: '441001', name: '测试单位' }, year: 2024, projectExpenditure: null, projects: [table] }));
  expect(doc.projects).toHaveLength(1);
  return doc.projects[0]!;
}

describe('imported text goes through the same hidden-character checks', () => {
  it('a NUL or a direction override in a cell makes the parsed table fail the schema the importer applies', () => {
    const withNul = parsedWith((t) => (t.indicators[0]!.name = '案件\u0000结案率'));
    expect(tableSchema.safeParse(withNul).error?.issues[0]?.message).toContain('三级指标含有不可见的控制字符（U+0000）');
    const withOverride = parsedWith((t) => (t.name = '调解\u202E仲裁'));
    expect(tableSchema.safeParse(withOverride).error?.issues[0]?.message).toContain('项目名称含有改变文字显示方向的控制字符（U+202E）');
  });

  it('zero-width characters are gone from what the parser reads', () => {
    const t = parsedWith((x) => {
      x.name = '\u200B调解仲裁\u200D';
      x.indicators[0]!.value = '≥\u200B92%';
    });
    expect(t.name).toBe('调解仲裁');
    expect(t.indicators[0]!.value).toBe('≥92%');
    expect(t.indicators[0]!.target).toEqual({ kind: 'quantity', op: '>=', number: 92, unit: '%' });
  });
});
