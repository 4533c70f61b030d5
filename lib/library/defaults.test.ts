import { beforeAll, describe, expect, it } from 'vitest';
import { FRAMEWORK_2015 } from '@/lib/domain/framework';
import { loadDemo } from '@/lib/setup/demo';
import { seededDatabase } from '@/lib/testing/db';
import { rebuildLibrary } from './commands/rebuild-library';
import { learnedDefaultsFor } from './defaults';

beforeAll(async () => {
  await seededDatabase();
  await loadDemo();
  await rebuildLibrary();
});

describe('learnedDefaultsFor', () => {
  it('gives the demo library\'s clear favourites per 二级 of the framework, and nothing where none is clear', async () => {
    const d = await learnedDefaultsFor(FRAMEWORK_2015);
    expect(d['服务对象满意度指标']).toEqual({ kind: 'quantity', op: '>=', number: null, unit: '%' });
    expect(d['成本指标']).toEqual({ kind: 'quantity', op: '<=', number: null, unit: '万元' });
    // The demo's 数量 rows count in many units (个, 场, 人次 …): no favourite, the editor keeps 数值 个.
    expect(d['数量指标']).toBeUndefined();
  });
  it('reads only the framework\'s 二级', async () => {
    expect(await learnedDefaultsFor({ code: 'x', name: 'x', sections: [{ name: '产出指标', categories: [{ name: '无此二级', role: 'quantity' }] }] })).toEqual({});
  });
});
