import fs from 'node:fs';
import { z } from 'zod';
import { parseArgs, readStream, UsageError, type Command } from '../command';
import { describeIssue } from '../json-issues';
import { parseSelfEval } from './selfeval-parse';

const text = z.union([z.string(), z.number()]).transform(String);
const input = z.strictObject({
  funds: z.strictObject({ annual: text, executed: text, weight: text }).optional(),
  indicators: z.array(z.strictObject({ target: text, actual: text, weight: text, score: text.optional(), rating: z.string().optional() })).max(300, '指标最多 300 行'),
});

export const selfevalCommand: Command = {
  name: 'selfeval',
  usage:
    'selfeval score [FILE]      为一张自评表（JSON，不给 FILE 时读标准输入）计算得分和等级，输出 JSON\n' +
    '  selfeval parse [FILE] [--score-input]  读取公开的自评表（文本、网页、XLSX 或 DOCX，不给 FILE 时读标准输入的文本），输出自评表 JSON 或读不出的字段；--score-input 输出 selfeval score 的输入（每表一行）',
  async run(args, io) {
    const { positional, options } = parseArgs(args, { positional: 2, flags: ['score-input'] });
    if (positional[0] === 'parse') return parseSelfEval(positional[1], io, { scoreInput: options.has('score-input') });
    if (options.size > 0) throw new UsageError('--score-input 只用于 selfeval parse');
    if (positional[0] !== 'score') throw new UsageError(positional[0] ? `未知的子命令：${positional[0]}` : '请指定子命令 score 或 parse');
    const file = positional[1];
    let source: string;
    try {
      source = file && file !== '-' ? fs.readFileSync(file, 'utf8') : await readStream(io.stdin);
    } catch {
      io.stderr.write(`无法读取文件：${file}\n`);
      return 2;
    }
    let json: unknown;
    try {
      json = JSON.parse(source.replace(/^\uFEFF/, ''));
    } catch {
      io.stderr.write('输入不是有效的 JSON\n');
      return 2;
    }
    const parsed = input.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) io.stderr.write(`${describeIssue(issue, json)}\n`);
      io.stderr.write('输入应为 {"funds": {"annual","executed","weight"}, "indicators": [{"target","actual","weight"[,"score"][,"rating"]}]}\n');
      return 2;
    }
    const { scoreTable, toScoreJson } = await import('@/lib/domain/scoring');
    const result = toScoreJson(scoreTable(parsed.data));
    io.stdout.write(`${JSON.stringify(result)}\n`);
    // The JSON is printed either way; a row that could not be scored makes the exit code 1.
    return result.total === null ? 1 : 0;
  },
};
