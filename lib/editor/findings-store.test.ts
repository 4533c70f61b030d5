import { describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/domain/rules';
import { createFindingsStore } from './findings-store';

const f = (path: string, message = 'm'): Finding => ({ severity: 'error', rule: 'r', project: 'P', path, message });

describe('findings store', () => {
  it('answers by path prefix and keeps unchanged answers identical', () => {
    const store = createFindingsStore();
    store.set([f('indicators.3.value'), f('budget.total')]);
    const row3 = store.at('indicators.3');
    const row4 = store.at('indicators.4');
    expect(row3).toHaveLength(1);
    expect(row4).toEqual([]);
    store.set([f('indicators.3.value'), f('goal')]);
    expect(store.at('indicators.3')).toBe(row3);
    expect(store.at('budget.total')).toEqual([]);
  });

  it('notifies only when the findings change', () => {
    const store = createFindingsStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.set([f('goal')]);
    store.set([f('goal')]);
    store.set([]);
    expect(calls).toBe(2);
  });
});
