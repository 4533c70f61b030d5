import { describe, expect, it } from 'vitest';
import { searchInputFromParams } from './schemas';

describe('library search input', () => {
  it('reads a query string; empty values are absent', () => {
    const r = searchInputFromParams(new URLSearchParams('q=满意度&preferLevel2=服务对象满意度指标&level2=&standard=1&limit=8'));
    expect(r.success && r.data).toEqual({ q: '满意度', preferLevel2: '服务对象满意度指标', standard: true, limit: 8 });
    const empty = searchInputFromParams(new URLSearchParams(''));
    expect(empty.success && empty.data).toEqual({ q: '' });
  });

  it('refuses unknown keys and out-of-range limits, in Chinese', () => {
    const r = searchInputFromParams(new URLSearchParams('q=x&limit=99&sql=1'));
    expect(r.success).toBe(false);
    const messages = r.success ? [] : r.error.issues.map((i) => i.message);
    expect(messages).toContain('条数最多为 50');
    expect(messages.some((m) => /sql/.test(m))).toBe(true);
    expect(searchInputFromParams(new URLSearchParams(`q=${'字'.repeat(101)}`)).success).toBe(false);
  });
});
