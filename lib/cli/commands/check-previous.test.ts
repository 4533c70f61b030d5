/** `pt check --previous`: each table compared with last year's table it continues (指标值偏低 / 偏高). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../command';
import { checkCommand } from './check';

const REFERENCE = path.join(process.cwd(), 'lib', 'demo', 'reference-441001-2024.txt');

async function check(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const stdin = new PassThrough();
  stdin.end('');
  const code = await runCommand(checkCommand, args, { stdout, stderr, stdin });
  return { code, out, err };
}

type Out = { findings: { rule: string; project: string; path: string; message: string }[] };
const lastYearFindings = (r: { out: string }) => (JSON.parse(r.out) as Out).findings.filter((f) => f.rule.endsWith('last-year'));

describe('pt check --previous', () => {
  it('warns 指标值偏低 / 偏高 where this year asks for less than last year, nothing when they are equal', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-check-prev-'));
    const text = fs.readFileSync(REFERENCE, 'utf8');
    const lowered = path.join(dir, 'this-year.txt');
    fs.writeFileSync(lowered, text.replace('总成本控制\t总成本控制\t≤10 万元', '总成本控制\t总成本控制\t≤12 万元').replace('案件结案率(%)\t案件结案率(%)\t≥92%', '案件结案率(%)\t案件结案率(%)\t≥90%'));
    expect(lastYearFindings(await check([REFERENCE, '--previous', REFERENCE]))).toEqual([]);
    const found = lastYearFindings(await check([lowered, '--previous', REFERENCE]));
    expect(found).toEqual([
      expect.objectContaining({ rule: 'value.below-last-year', project: '13080024P00009810002A', path: 'indicators.0.value' }),
      expect.objectContaining({ rule: 'value.above-last-year', project: '13080024P00009810002A', path: 'indicators.5.value' }),
    ]);
    expect(found[0]!.message).toContain('指标值偏低：≥90% 低于上年指标值 ≥92%');
    expect(found[1]!.message).toContain('高于上年指标值 ≤10 万元');
    // Without --previous the rule has nothing to compare with.
    expect(lastYearFindings(await check([lowered]))).toEqual([]);
  });

  it('says so when last year’s file cannot be read', async () => {
    const r = await check([REFERENCE, '--previous', '/nonexistent/last-year.txt']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('无法读取上年的文件');
  });
});
