import { describe, expect, it } from 'vitest';
import { tableTabTitle } from './tab-title';

describe('a table page’s browser tab title', () => {
  it('names the table with its number, and the page', () => {
    expect(tableTabTitle('edit', 3, '2024 法治工作经费')).toBe('编辑：3、2024 法治工作经费');
    expect(tableTabTitle('overview', 3, '2024 法治工作经费')).toBe('3、2024 法治工作经费');
    expect(tableTabTitle('history', 1, ' 甲 ')).toBe('修改历史：1、甲');
  });

  it('cuts a long name and names an unnamed draft', () => {
    expect(tableTabTitle('edit', 1, '长'.repeat(60))).toBe(`编辑：1、${'长'.repeat(39)}…`);
    expect(tableTabTitle('preview', 2, '')).toBe('预览：2、未命名的表');
  });
});
