/** pt lights and pt selfeval score as an operator runs them: no database, JSON in and out. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
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

const jsonLines = (out: string) => out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('pt lights', () => {
  it('answers each line with its light and progress, in the shape of issue #14', async () => {
    const input = [
      '{"budget": "100.00", "executed": "40.00", "month": 7}',
      '{"target": "≥95%", "actual": "96%", "month": 7}',
      '{"target": "≥1200 人次", "actual": "360", "month": 6}',
      '{"target": "≥1200 人次", "actual": "360", "month": 6, "cumulative": false}',
      '{"target": "≥1200 人次", "actual": "720", "month": 6}',
      '{"target": "≤10万元", "actual": "95000元", "month": 7}',
      '{"target": "<10万元", "actual": "100000元", "month": 7}',
      '{"target": "有效提升", "actual": "未达成年度指标且效果较差", "month": 7}',
      '{"target": "6月30日前完成", "actual": "未完成", "month": 7}',
      '{"target": "≥95%", "actual": "", "month": 7}',
      '{"target": "≥95%", "actual": "96 人", "month": 7}',
    ].join('\n');
    const r = await pt(['lights'], `${input}\n`);
    expect(r.code).toBe(0);
    expect(jsonLines(r.out)).toEqual([
      { light: 'yellow', progress: 68.57 },
      { light: 'green', progress: 101.05 },
      { light: 'yellow', progress: 60 },
      { light: 'red', progress: 30 },
      { light: 'blue', progress: 120 },
      { light: 'green', progress: null },
      { light: 'red', progress: null },
      { light: 'red', progress: null },
      { light: 'red', progress: null },
      { light: 'none', progress: null },
      { light: 'none', progress: null, message: '实际值的单位“人”与指标值的单位“%”不能比较，请按“%”填写' },
    ]);
  });

  it('answers a bad line with an error line and goes on; the exit code is then 1', async () => {
    const r = await pt(['lights'], ['not json', '{"target": "≥95%", "month": 7}', '{"budget": "1", "executed": "1", "month": 13}', '{"target": "≥95%", "actual": "96%", "month": 7, "extra": 1}', '', '{"target": "≥95%", "actual": "57%", "month": 7}'].join('\n'));
    expect(r.code).toBe(1);
    const lines = jsonLines(r.out);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toEqual({ light: 'none', progress: null, error: '第 1 行：不是有效的 JSON' });
    expect(lines[1]!.error).toContain('缺少字段 "actual"');
    expect(lines[2]!.error).toContain('"month" 应为 1–12 的整数');
    expect(lines[3]!.error).toContain('不认识的字段 "extra"');
    expect(lines[4]).toEqual({ light: 'yellow', progress: 60 });
  });

  it('takes no options', async () => {
    const r = await pt(['lights', '--month', '7']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知选项：--month');
  });
});

describe('pt selfeval score', () => {
  const example = '{"funds": {"annual": "100.00", "executed": "95.00", "weight": "10"}, "indicators": [{"target": "≥95%", "actual": "98%", "weight": "20"}, {"target": "有效提升", "actual": "部分达成年度指标并具有一定效果", "weight": "10", "score": "7"}]}';
  const expected = '{"funds":{"rate":"95.00","score":"9.50"},"indicators":[{"score":"20.00","accepted":true},{"score":"7.00","accepted":true}],"total":"36.50","grade":"差"}';

  it('prints the output of issue #15 item 6 for its input, from stdin and from a file', async () => {
    const r = await pt(['selfeval', 'score'], example);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(expected));
    expect(r.out.trim()).toBe(expected);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-selfeval-')), 'table.json');
    fs.writeFileSync(file, `\uFEFF${example}`);
    expect((await pt(['selfeval', 'score', file])).out.trim()).toBe(expected);
  });

  it('marks a score outside its band and units that do not compare, with no total; exit code 1', async () => {
    const input = {
      funds: { annual: '100.00', executed: '95.00', weight: '10' },
      indicators: [
        { target: '有效提升', actual: '部分达成年度指标并具有一定效果', weight: '10', score: '8' },
        { target: '≥95%', actual: '96 人', weight: '20' },
        { target: '≥100 件', actual: '130', weight: '20' },
      ],
    };
    const r = await pt(['selfeval', 'score'], JSON.stringify(input));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({
      funds: { rate: '95.00', score: '9.50' },
      indicators: [
        { score: null, accepted: false, message: '得分 8.00 不在“部分达成年度指标并具有一定效果”的得分范围内（6.00–8.00 分，不含 8.00）' },
        { score: null, accepted: false, message: '实际值的单位“人”与指标值的单位“%”不能比较，请按“%”填写' },
        { score: '20.00', accepted: true, warning: '指标值设定偏低' },
      ],
      total: null,
      grade: null,
    });
  });

  it('refuses input it cannot read, in Chinese, exit 2', async () => {
    const cases: [string[], string, string][] = [
      [['selfeval', 'score'], 'nope', '输入不是有效的 JSON'],
      [['selfeval', 'score'], '{"indicators": [{"target": "≥1"}]}', '缺少字段 "indicators.0.actual"'],
      [['selfeval', 'score'], '{"indicators": [], "extra": 1}', '不认识的字段 "extra"'],
      [['selfeval', 'score', '/nonexistent/x.json'], '', '无法读取文件'],
      [['selfeval'], '', '请指定子命令 score'],
      [['selfeval', 'grade'], '', '未知的子命令：grade'],
      [['selfeval', 'score', 'a', 'b'], '', '多余的参数：b'],
    ];
    for (const [args, stdin, message] of cases) {
      const r = await pt(args, stdin);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toContain(message);
    }
  });
});
