import { describe, expect, it } from 'vitest';
import { createdEditorHref, isJustCreated, saveStatusText } from './save-status';

describe('what the editor says about saving', () => {
  it('never says 所有修改已保存 for a table not yet created', () => {
    expect(saveStatusText({ isCreate: true, isDirty: false })).not.toContain('已保存');
    expect(saveStatusText({ isCreate: true, isDirty: true })).toBe('尚未创建：填写后点“创建”保存');
  });

  it('says whether an existing table has unsaved changes', () => {
    expect(saveStatusText({ isCreate: false, isDirty: false })).toBe('所有修改已保存');
    expect(saveStatusText({ isCreate: false, isDirty: true })).toBe('有未保存的修改');
  });

  it('opens a created table’s editor with the flag that confirms the creation', () => {
    expect(createdEditorHref(42)).toBe('/projects/42/edit?created=1');
    expect(isJustCreated('1')).toBe(true);
    expect(isJustCreated(undefined)).toBe(false);
  });
});

describe('the created message', () => {
  it('does not read as a save message (the e2e helpers find a save by 已保存)', async () => {
    const { CREATED_MESSAGE } = await import('./save-status');
    expect(CREATED_MESSAGE).toMatch(/^已创建/);
    expect(CREATED_MESSAGE).not.toContain('已保存');
  });
});
