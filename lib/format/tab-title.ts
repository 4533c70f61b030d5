/**
 * A table's pages put the table in the browser tab (the layout adds “ · 绩效目标管理”), so a person with
 * several tables open in tabs can tell them apart: 编辑：3、2024 法治工作经费.
 */
export type TablePage = 'overview' | 'edit' | 'preview' | 'history';

const PREFIX: Record<TablePage, string> = { overview: '', edit: '编辑：', preview: '预览：', history: '修改历史：' };

/** Tab titles stay short enough to read in a tab: long names are cut with an ellipsis. */
const MAX_NAME = 40;

export function tableTabTitle(page: TablePage, number: number, name: string): string {
  const n = [...name.trim()];
  const shown = n.length > MAX_NAME ? `${n.slice(0, MAX_NAME - 1).join('')}…` : n.join('');
  return `${PREFIX[page]}${number}、${shown || '未命名的表'}`;
}
