/** pt selfeval parse as an operator runs it: a published 自评表 in, its SelfEvalSheet JSON (or what failed) out. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { selfEvalUnitYearXlsx, selfEvalXlsx } from '@/lib/export/selfeval-xlsx';
import { fullSheet, tangxiSheet } from '@/lib/export/selfeval-testing';
import { runCommand } from './command';
import { commands } from './registry';

async function pt(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const command = commands.find((c) => c.name === args[0])!;
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const input = new PassThrough();
  input.end(stdin);
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runCommand(command, args.slice(1), { stdout, stderr, stdin: input });
  return { code, out, err };
}

const sampleFile = path.join(__dirname, '..', 'format', 'selfeval', 'samples', 'tangxi-2022-tabs.txt');
const tmp = (name: string, data: string | Buffer) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-selfeval-parse-')), name);
  fs.writeFileSync(file, data);
  return file;
};

describe('pt selfeval parse', () => {
  it('prints the transcribed 棠溪镇 table from a file and from stdin, with the missing parts as notes on stderr', async () => {
    const byFile = await pt(['selfeval', 'parse', sampleFile]);
    expect(byFile.code).toBe(0);
    expect(JSON.parse(byFile.out)).toEqual(tangxiSheet());
    expect(byFile.err).toContain('注意：未找到总分行，自评得分和等级留空（selfScore）');
    const byStdin = await pt(['selfeval', 'parse'], `\uFEFF${fs.readFileSync(sampleFile, 'utf8')}`);
    expect(byStdin.code).toBe(0);
    expect(JSON.parse(byStdin.out)).toEqual(tangxiSheet());
  });

  it('reads an XLSX file: one table as an object, a unit-year as an array', async () => {
    const one = await pt(['selfeval', 'parse', tmp('one.xlsx', await selfEvalXlsx(fullSheet()))]);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.out)).toMatchObject({ projectCode: '13080024P00009810002A', selfScore: '87.5', grade: '良' });
    const many = await pt(['selfeval', 'parse', tmp('unit.xlsx', await selfEvalUnitYearXlsx({ code: '1', name: '单位' }, 2024, [fullSheet(), tangxiSheet()]))]);
    expect(many.code).toBe(0);
    expect((JSON.parse(many.out) as { projectName: string }[]).map((s) => s.projectName)).toEqual([fullSheet().projectName, '委托业务项目']);
  });

  it('prints nothing but the errors, per field in Chinese, exit 1; exit 2 for a file it cannot open', async () => {
    const bad = fs.readFileSync(sampleFile, 'utf8').replace('\t≥50个\t50\t8\t8\t', '\t≥50个\t50\t八\t8\t');
    const r = await pt(['selfeval', 'parse'], bad);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('第 9 行：“基建工程委托业务项目数量”的分值“八”不是数字（indicators.0.weight）');
    const none = await pt(['selfeval', 'parse'], '不是自评表');
    expect(none.code).toBe(1);
    expect(none.err).toContain('未找到绩效指标表头');
    const missing = await pt(['selfeval', 'parse', '/nonexistent/x.txt']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('无法读取文件');
    const extra = await pt(['selfeval', 'parse', 'a', 'b']);
    expect(extra.code).toBe(2);
    expect(extra.err).toContain('多余的参数：b');
  });

  it('--score-input gives what pt selfeval score reads: the 棠溪镇 rows re-score to their published scores', async () => {
    const r = await pt(['selfeval', 'parse', sampleFile, '--score-input']);
    expect(r.code).toBe(0);
    const scored = await pt(['selfeval', 'score'], r.out.trim());
    const out = JSON.parse(scored.out) as { funds: { accepted?: boolean; message?: string }; indicators: { score: string; accepted: boolean }[] };
    expect(out.indicators.map((x) => x.score)).toEqual(tangxiSheet().indicators.map((x) => Number(x.score).toFixed(2)));
    expect(out.indicators.every((x) => x.accepted)).toBe(true);
    // The published 年度资金总额 row was left at 0 (lib/domain/scoring-published.test.ts): no rate to compute.
    expect(out.funds).toMatchObject({ accepted: false, message: '全年预算数为 0，无法计算执行率' });
    expect(scored.code).toBe(1);
    expect((await pt(['selfeval', 'score', '--score-input'])).err).toContain('--score-input 只用于 selfeval parse');
  });
});
