/**
 * What the editor's sticky bar says about saving. A new table that was never created has nothing
 * saved, so it must not read 所有修改已保存 (a person could close the tab believing it was kept).
 */
export function saveStatusText(state: { isCreate: boolean; isDirty: boolean }): string {
  if (state.isCreate) return '尚未创建：填写后点“创建”保存';
  return state.isDirty ? '有未保存的修改' : '所有修改已保存';
}

/** Shown on the editor a new table lands on (`?created=1`): creating says so in words. */
export const CREATED_MESSAGE = '已创建绩效目标表（草稿）。可以继续填写；完成后在概览页提交审核。';

/** The address a new table's editor is opened at once it is created. */
export function createdEditorHref(projectId: number): string {
  return `/projects/${projectId}/edit?created=1`;
}

export function isJustCreated(param: string | string[] | undefined): boolean {
  return param === '1';
}
