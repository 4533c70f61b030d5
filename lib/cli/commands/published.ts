import fs from 'node:fs';
import { parseArgs, readStream, UsageError, valueOf, type Command } from '../command';

function readFileOrComplain(file: string | undefined, io: { stderr: NodeJS.WritableStream }): Buffer | null {
  if (!file) {
    io.stderr.write('请指定文件\n');
    return null;
  }
  try {
    return fs.readFileSync(file);
  } catch {
    io.stderr.write(`无法读取文件：${file}\n`);
    return null;
  }
}

const FORMATS = ['txt', 'html', 'xlsx', 'docx'] as const;

export const parseCommand: Command = {
  name: 'parse',
  usage: 'parse FILE [--format txt|html|xlsx|docx]  读取公开文本、网页、XLSX 或 DOCX 中的绩效目标表，输出交换 JSON（不访问数据库；一张表也读不出时退出码为 1）',
  async run(args, io) {
    const parsed = parseArgs(args, { positional: 1, values: ['format'] });
    const format = valueOf(parsed, 'format');
    if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format 应为 ${FORMATS.join('、')} 之一，而不是“${format}”`);
    const file = parsed.positional[0];
    const bytes = readFileOrComplain(file, io);
    if (!bytes) return 2;
    const { readDocument } = await import('@/lib/format/layouts/read-document');
    const { toInterchange } = await import('@/lib/format/published/interchange');
    const doc = await readDocument(bytes, { fileName: file, format: format as (typeof FORMATS)[number] | undefined });
    io.stdout.write(`${JSON.stringify(toInterchange(doc), null, 2)}\n`);
    // The JSON is printed either way (its problems say why); a file with no table at all is a failure.
    if (doc.projects.length === 0) io.stderr.write(`${doc.problems[0]?.message ?? '没有读出任何表'}\n`);
    return doc.projects.length === 0 ? 1 : 0;
  },
};

export const renderCommand: Command = {
  name: 'render',
  usage: 'render FILE.json           把交换 JSON 输出为公开文本',
  async run(args, io) {
    const bytes = readFileOrComplain(parseArgs(args, { positional: 1 }).positional[0], io);
    if (!bytes) return 2;
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      io.stderr.write('文件不是有效的 JSON\n');
      return 2;
    }
    const { fromInterchange } = await import('@/lib/format/published/interchange');
    const { renderDocument } = await import('@/lib/format/published/render');
    const r = fromInterchange(json);
    if (!r.ok) {
      for (const p of r.problems) io.stderr.write(`${p.message}\n`);
      return 1;
    }
    io.stdout.write(renderDocument(r.doc));
    return 0;
  },
};

export const valuesCommand: Command = {
  name: 'values',
  usage: 'values                     从标准输入逐行读取指标值，逐行输出类型化结果（JSON）',
  async run(args, io) {
    parseArgs(args);
    const { parseTarget } = await import('@/lib/domain/target-value-parse');
    const input = await readStream(io.stdin);
    const lines = input.split(/\r?\n/);
    if (lines[lines.length - 1] === '') lines.pop();
    for (const line of lines) io.stdout.write(`${JSON.stringify(parseTarget(line))}\n`);
    return 0;
  },
};
