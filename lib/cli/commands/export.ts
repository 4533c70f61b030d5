import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs, UsageError, valueOf, yearOf, type Command } from '../command';

export const exportCommand: Command = {
  name: 'export',
  usage: 'export --unit CODE --year YYYY --format xlsx|pdf|text|json -o FILE [--project CODE] [--all] [--cover]  导出公开版式（不给 --format 时按 FILE 的扩展名）',
  async run(args, io) {
    const parsed = parseArgs(args, { values: ['unit', 'year', 'format', 'out', 'project'], flags: ['all', 'cover'] });
    const { options } = parsed;
    const str = (k: string) => valueOf(parsed, k);
    const unit = str('unit');
    const year = yearOf(parsed);
    const out = str('out');
    if (!unit) throw new UsageError('请用 --unit 指定单位编码');
    if (year === undefined) throw new UsageError('请用 --year 指定预算年度');
    if (!out) throw new UsageError('请用 -o 指定输出文件');
    // Without --format, the output file's extension says which (never a silent default).
    const byExtension: Record<string, string> = { '.xlsx': 'xlsx', '.pdf': 'pdf', '.txt': 'text', '.json': 'json' };
    const format = str('format') ?? byExtension[path.extname(out).toLowerCase()];
    if (!format) throw new UsageError('请用 --format 指定格式（xlsx、pdf、text 或 json），或让输出文件以 .xlsx、.pdf、.txt、.json 结尾');
    const { exportFormatSchema, exportSection } = await import('@/lib/projects/export');
    const fmt = exportFormatSchema.safeParse(format);
    if (!fmt.success) throw new UsageError(`--format 应为 xlsx、pdf、text 或 json，而不是“${format}”`);
    const { ensureBaseData } = await import('@/lib/setup/bootstrap');
    const { sectionByCode } = await import('@/lib/projects/section');
    await ensureBaseData();
    const section = await sectionByCode(unit, year, { includeDrafts: options.has('all'), projectCode: str('project') });
    if (!section) {
      io.stderr.write(`没有找到单位 ${unit} 的 ${year} 年度\n`);
      return 1;
    }
    if (section.entries.length === 0) {
      const project = str('project');
      const what = project ? `单位 ${unit} 的 ${year} 年度没有编码为 ${project} 的${options.has('all') ? '' : '已审核的'}表` : `单位 ${unit} 的 ${year} 年度没有${options.has('all') ? '' : '已审核的'}表`;
      io.stderr.write(`${what}${options.has('all') ? '' : '；加 --all 可导出未审核的表（标注“草稿”）'}\n`);
      return 1;
    }
    const doc = exportSection(section, fmt.data, { includeCover: options.has('cover') });
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    await pipeline(doc.body, fs.createWriteStream(out));
    const drafts = section.entries.filter((t) => t.isDraft).length;
    io.stdout.write(`已导出 ${section.entries.length} 张表${drafts > 0 ? `（其中 ${drafts} 张为草稿）` : ''}到 ${out}（${fs.statSync(out).size} 字节）\n`);
    return 0;
  },
  usesDatabase: true,
};
