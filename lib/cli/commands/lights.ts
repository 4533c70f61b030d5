import { z } from 'zod';
import { parseArgs, readStream, type Command } from '../command';
import { describeIssue } from '../json-issues';

/** Amounts and values may come as JSON numbers from a spreadsheet export; they are read as their text. */
const text = z.union([z.string(), z.number()]).transform(String);
const MONTH = '应为 1–12 的整数';
const month = z.number().int(MONTH).min(1, MONTH).max(12, MONTH);
const fundsLine = z.strictObject({ budget: text, executed: text, month });
const indicatorLine = z.strictObject({ target: text, actual: text, month, cumulative: z.boolean().optional(), year: z.number().int().min(2000).max(2100).optional() });

export const lightsCommand: Command = {
  name: 'lights',
  usage: 'lights                     从标准输入逐行读取 JSON（资金或指标），逐行输出监控预警灯（JSON）',
  async run(args, io) {
    parseArgs(args);
    const { fundsLight, indicatorLight } = await import('@/lib/domain/lights');
    const lines = (await readStream(io.stdin)).split(/\r?\n/);
    let failed = 0;
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const fail = (message: string) => {
        failed++;
        io.stdout.write(`${JSON.stringify({ light: 'none', progress: null, error: `第 ${i + 1} 行：${message}` })}\n`);
      };
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        return fail('不是有效的 JSON');
      }
      const isFunds = typeof json === 'object' && json !== null && 'budget' in json;
      const parsed = isFunds ? fundsLine.safeParse(json) : indicatorLine.safeParse(json);
      if (!parsed.success) {
        const shape = isFunds ? '{"budget","executed","month"}' : '{"target","actual","month"[,"cumulative"]}';
        return fail(`${describeIssue(parsed.error.issues[0]!, json)}；应为 ${shape}`);
      }
      const result = 'budget' in parsed.data ? fundsLight(parsed.data) : indicatorLight(parsed.data);
      io.stdout.write(`${JSON.stringify(result)}\n`);
    });
    // Every line is answered; a line that could not be read makes the exit code 1.
    return failed > 0 ? 1 : 0;
  },
};
