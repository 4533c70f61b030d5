import { describe, expect, it } from 'vitest';
import { approveQuestion, bulkApproveQuestion, isWorkflowButtonDisabled, noteOrUndefined } from './confirmations';

describe('approval confirmations', () => {
  it('asks before 审核通过, says it freezes the table, and mentions warnings', () => {
    const q = approveQuestion('法治工作经费', 0);
    expect(q.title).toBe('审核通过“法治工作经费”？');
    expect(q.body).toBe('审核通过后此表只读，需由管理员填写理由才能重新打开。');
    expect(approveQuestion('法治工作经费', 3).body).toMatch(/^此表有 3 条提醒/);
    expect(q.noteLabel).toContain('可选');
  });

  it('asks before 批量审核通过, counting the tables and naming those with 提醒', () => {
    const q = bulkApproveQuestion([
      { id: 1, name: '甲', warningCount: 0, errorCount: 0 },
      { id: 2, name: '乙', warningCount: 2, errorCount: 0 },
    ]);
    expect(q.title).toBe('审核通过 2 张表？');
    expect(q.body).toContain('其中 1 张有提醒（“乙”）');
    expect(q.confirmLabel).toBe('确认审核通过 2 张');
  });

  it('disables 审核通过 while the return form is open, and every button while an action runs', () => {
    expect(isWorkflowButtonDisabled('approve', 'return', false)).toBe(true);
    expect(isWorkflowButtonDisabled('approve', null, false)).toBe(false);
    expect(isWorkflowButtonDisabled('return', 'return', false)).toBe(false);
    expect(isWorkflowButtonDisabled('return', null, true)).toBe(true);
  });

  it('sends a blank note as none', () => {
    expect(noteOrUndefined('  ')).toBeUndefined();
    expect(noteOrUndefined(' 同意。 ')).toBe('同意。');
  });
});

describe('words after a workflow action', () => {
  it('says in words what happened for every action a person asks for', async () => {
    const { DONE_MESSAGES } = await import('./confirmations');
    expect(DONE_MESSAGES.submit).toMatch(/^已提交审核/);
    expect(Object.keys(DONE_MESSAGES).sort()).toEqual(['approve', 'reopen', 'return', 'submit', 'withdraw']);
  });
});
