import { expect, type Locator, type Page } from '@playwright/test';

/** The table editor, driven by labels the way a person finds the fields. */
export class EditorPage {
  constructor(readonly page: Page) {}

  /** Opens an editor page and waits until the form is hydrated. */
  async open(path: string): Promise<void> {
    await this.page.goto(path);
    await this.page.locator('form[data-ready="true"]').waitFor();
  }

  group(level1: string, level2: string): Locator {
    return this.page.getByRole('group', { name: `${level1} · ${level2}`, exact: true });
  }

  row(n: number): Locator {
    return this.page.getByRole('group', { name: `第 ${n} 行指标`, exact: true });
  }

  async fillRow(n: number, row: { name: string; description: string; basis: string; value: { kind: 'quantity'; op: string; number: string; unit: string } | { kind: 'deadline'; month: string; day: string; suffix: string; year?: string } | { kind: 'text'; text: string } }): Promise<void> {
    const p = this.page;
    await p.getByLabel(`第 ${n} 行 三级指标`, { exact: true }).fill(row.name);
    await p.getByLabel(`第 ${n} 行 绩效指标描述`, { exact: true }).fill(row.description);
    const kind = { quantity: '数值', deadline: '日期', text: '文字' }[row.value.kind];
    await p.getByLabel(`第 ${n} 行 指标值类型`, { exact: true }).selectOption({ label: kind });
    if (row.value.kind === 'quantity') {
      await p.getByLabel(`第 ${n} 行 比较符`, { exact: true }).selectOption(row.value.op);
      await p.getByLabel(`第 ${n} 行 指标值数值`, { exact: true }).fill(row.value.number);
      await p.getByLabel(`第 ${n} 行 单位`, { exact: true }).fill(row.value.unit);
    } else if (row.value.kind === 'deadline') {
      if (row.value.year) await p.getByLabel(`第 ${n} 行 年（可不填）`, { exact: true }).fill(row.value.year);
      await p.getByLabel(`第 ${n} 行 月`, { exact: true }).fill(row.value.month);
      await p.getByLabel(`第 ${n} 行 日（可不填）`, { exact: true }).fill(row.value.day);
      await p.getByLabel(`第 ${n} 行 日期后的文字`, { exact: true }).fill(row.value.suffix);
    } else {
      await p.getByLabel(`第 ${n} 行 指标值`, { exact: true }).fill(row.value.text);
    }
    await p.getByLabel(`第 ${n} 行 指标值确定依据`, { exact: true }).fill(row.basis);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: /保存草稿|创建/ }).click();
  }

  async expectSaved(): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  }
}
