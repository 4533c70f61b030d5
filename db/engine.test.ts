import { describe, expect, it } from 'vitest';
import { checkDatabaseUrl, redactUrl } from './engine';

describe('DATABASE_URL', () => {
  it('accepts a PostgreSQL URL', () => {
    expect(checkDatabaseUrl('postgres://pt:secret@127.0.0.1:5432/pt')).toBe('postgres://pt:secret@127.0.0.1:5432/pt');
    expect(checkDatabaseUrl('postgresql://db.example/pt')).toBe('postgresql://db.example/pt');
  });

  it.each([
    ['not a url', /格式不正确/],
    ['mysql://x/y', /必须以 postgres:\/\/ 开头/],
    ['postgres://pt@127.0.0.1:5432/', /缺少数据库名/],
  ])('refuses %s with a reason in Chinese', (url, reason) => {
    expect(() => checkDatabaseUrl(url)).toThrow(reason);
  });

  it('never shows the password in messages', () => {
    expect(redactUrl('postgres://pt:secret@h/db')).toBe('postgres://pt:***@h/db');
    expect(() => checkDatabaseUrl('mysql://pt:secret@h/db')).not.toThrow(/secret/);
  });
});
