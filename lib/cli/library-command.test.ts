/** pt library search and rebuild through their handler, on the demo data (both engines). */
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '@/lib/setup/demo';
import { seededDatabase } from '@/lib/testing/db';
import { runCommand } from './command';
import { commands } from './registry';

async function pt(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const command = commands.find((c) => c.name === args[0])!;
  const [stdout, stderr, stdin] = [new PassThrough(), new PassThrough(), new PassThrough()];
  stdin.end('');
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runCommand(command, args.slice(1), { stdout, stderr, stdin });
  return { code, out, err };
}

beforeAll(async () => {
  await seededDatabase();
  await loadDemo();
});

describe('pt library', () => {
  it('search prints the JSON of issue 16 item 9, values most common first', async () => {
    const r = await pt(['library', 'search', '--q', '满意度', '--limit', '3']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { entries: Record<string, unknown>[] };
    expect(json.entries).toHaveLength(3);
    expect(Object.keys(json.entries[0]!)).toEqual(['level1', 'level2', 'name', 'uses', 'values', 'units', 'bases', 'standard']);
    expect(json.entries[0]).toMatchObject({ level2: '服务对象满意度指标', name: '服务对象满意度', uses: 9, values: [{ value: '≥90%', count: 6 }, { value: '≥95%', count: 3 }] });
    const cost = JSON.parse((await pt(['library', 'search', '--q', '总成本', '--level2', '成本指标'])).out) as { entries: { name: string; level2: string }[] };
    expect(cost.entries.find((e) => e.name === '总成本控制')?.level2).toBe('成本指标');
  });

  it('refuses a missing query, a bad limit and an unknown unit', async () => {
    expect((await pt(['library', 'search'])).code).toBe(2);
    expect((await pt(['library', 'search', '--q', 'x', '--limit', '0'])).code).toBe(2);
    const r = await pt(['library', 'search', '--q', 'x', '--unit', '999999']);
    expect(r).toMatchObject({ code: 1, err: '单位不存在：999999\n' });
  });

  it('rebuild learns every approved table again', async () => {
    const r = await pt(['library', 'rebuild']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^已从 18 张已审核的表重新生成指标库/);
  });
});
