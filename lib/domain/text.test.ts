import { describe, expect, it } from 'vitest';
import { unitInput, userCreateInput } from '@/lib/admin/schemas';
import { signInSchema } from '@/lib/auth/schemas';
import { sampleTable } from '@/lib/testing/tables';
import { tableSchema, transitionInput } from './schemas';
import { hiddenCharacterProblem, stripInvisible } from './text';

const messages = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join('.')}：${i.message}`);

describe('hidden characters in every text field', () => {
  it('removes zero-width characters, so a name made of them is empty and refused as such', () => {
    const r = tableSchema.safeParse({ ...sampleTable(), name: '\u200B\u200C\u200D\u2060\uFEFF' });
    expect(messages(r)).toEqual(['name：请填写项目名称']);
  });

  it('trims Unicode whitespace (ideographic and no-break spaces) before the required check', () => {
    const r = tableSchema.safeParse({ ...sampleTable(), name: '\u3000\u00A0 \u3000' });
    expect(messages(r)).toEqual(['name：请填写项目名称']);
  });

  it('stores the text without the zero-width characters', () => {
    const r = tableSchema.parse({ ...sampleTable(), name: '\u200B调解\u200D仲裁\uFEFF' });
    expect(r.name).toBe('调解仲裁');
  });

  it('refuses NUL, BEL, DEL and C1 controls, naming the field and the character', () => {
    for (const [c, shown] of [['\u0000', 'U+0000'], ['\u0007', 'U+0007'], ['\u007F', 'U+007F'], ['\u0085', 'U+0085'], ['a\rb', 'U+000D']] as const) {
      const r = tableSchema.safeParse({ ...sampleTable(), name: `项目${c}名称` });
      expect(messages(r)).toEqual([`name：项目名称含有不可见的控制字符（${shown}），可能来自复制的内容，请删除后再保存`]);
    }
  });

  it('refuses the bidi overrides and isolates in indicator cells', () => {
    for (const c of ['\u202A', '\u202E', '\u2066', '\u2069']) {
      const t = sampleTable();
      t.indicators[0]!.description = `结案率${c}29%`;
      const r = tableSchema.safeParse(t);
      expect(r.success).toBe(false);
      expect(messages(r)[0]).toMatch(/^indicators\.0\.description：指标描述含有改变文字显示方向的控制字符（U\+20(2A|2E|66|69)）/);
    }
  });

  it('keeps tab and newline in long texts, reading CR LF as a newline', () => {
    const r = tableSchema.parse({ ...sampleTable(), goal: '1. 第一\r\n2.\t第二' });
    expect(r.goal).toBe('1. 第一\n2.\t第二');
  });

  it('checks amounts, comments, administration and sign-in fields the same way', () => {
    expect(tableSchema.safeParse({ ...sampleTable(), budget: { total: '1\u200B0', fiscal: '10', other: null } }).data?.budget.total).toBe('10');
    expect(transitionInput.safeParse({ projectId: 1, version: 1, comments: [{ target: null, body: '\u200B' }] }).success).toBe(false);
    expect(messages(unitInput.safeParse({ code: '441001', name: '人社局\u202E本级' }))[0]).toContain('单位名称含有改变文字显示方向的控制字符');
    expect(messages(userCreateInput.safeParse({ username: 'owner2', displayName: '\u200B', password: 'x', isAdmin: false }))).toEqual(['displayName：请填写姓名']);
    expect(signInSchema.parse({ username: '\u200Badmin\u3000', password: 'p' }).username).toBe('admin');
  });

  it('leaves ordinary Chinese text, punctuation and emoji-free symbols alone', () => {
    const s = '≥92%，“满意度”（含 ℃ 与 ‰）— 2024 年 12 月底前';
    expect(stripInvisible(s)).toBe(s);
    expect(hiddenCharacterProblem('x', s)).toBeNull();
  });
});
