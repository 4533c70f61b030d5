import { expect, type Locator, type Page } from '@playwright/test';

export type RowValue =
  | { kind: 'quantity'; op: string; number: string; unit: string }
  | { kind: 'deadline'; month: string; day: string; suffix: string; year?: string }
  | { kind: 'text'; text: string };

/** The table editor, driven by labels the way a person finds the fields. */
export class EditorPage {
  constructor(readonly page: Page) {}

  /** Opens an editor page and waits until the form is hydrated. */
  async open(path: string): Promise<void> {
    await this.page.goto(path);
    await this.ready();
  }

  async ready(): Promise<void> {
    await this.page.locator('form[data-ready="true"]').waitFor();
  }

  group(level1: string, level2: string): Locator {
    return this.page.getByRole('group', { name: `${level1} · ${level2}`, exact: true });
  }

  row(n: number): Locator {
    return this.page.getByRole('group', { name: `第 ${n} 行指标`, exact: true });
  }

  field(n: number, label: string): Locator {
    return this.page.getByLabel(`第 ${n} 行 ${label}`, { exact: true });
  }

  /** The status line beside the save button (unsaved changes, version). */
  status(): Locator {
    return this.page.locator('form [aria-live="polite"]').filter({ hasText: 'Ctrl+S' });
  }

  findings(): Locator {
    return this.page.getByRole('region', { name: '检查结果' });
  }

  async fillRow(n: number, row: { name: string; description: string; basis: string; value: RowValue }): Promise<void> {
    await this.field(n, '三级指标').fill(row.name);
    await this.field(n, '绩效指标描述').fill(row.description);
    const kind = { quantity: '数值', deadline: '日期', text: '文字' }[row.value.kind];
    await this.field(n, '指标值类型').selectOption({ label: kind });
    if (row.value.kind === 'quantity') {
      await this.field(n, '比较符').selectOption(row.value.op);
      await this.field(n, '指标值数值').fill(row.value.number);
      await this.field(n, '单位').fill(row.value.unit);
    } else if (row.value.kind === 'deadline') {
      if (row.value.year) await this.field(n, '年（可不填）').fill(row.value.year);
      await this.field(n, '月').fill(row.value.month);
      await this.field(n, '日（可不填）').fill(row.value.day);
      await this.field(n, '日期后的文字').fill(row.value.suffix);
    } else {
      await this.field(n, '指标值').fill(row.value.text);
    }
    await this.field(n, '指标值确定依据').fill(row.basis);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: /保存草稿|创建/ }).click();
  }

  async expectSaved(): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  }

  /** The version shown in the status line. */
  async version(): Promise<number> {
    const text = (await this.status().textContent()) ?? '';
    return Number(/版本 (\d+)/.exec(text)?.[1]);
  }
}
