import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs, type Command } from '../command';

export const exportCommand: Command = {
  name: 'export',
  usage: 'export --unit CODE --year YYYY --format xlsx|pdf|text|json -o FILE [--project CODE] [--all] [--cover]  导出公开版式',
  async run(args, io) {
    const { options } = parseArgs(args);
    const str = (k: string) => (typeof options.get(k) === 'string' ? (options.get(k) as string) : undefined);
    const unit = str('unit');
    const year = Number(str('year'));
    const format = str('format') ?? 'xlsx';
    const out = str('out') ?? str('o');
    if (!unit || !Number.isInteger(year) || !out) {
      io.stderr.write('用法：npm run pt -- export --unit 441001 --year 2024 --format xlsx -o 绩效目标表.xlsx [--project 编码] [--all] [--cover]\n');
      return 2;
    }
    const { exportFormatSchema, exportSection } = await import('@/lib/projects/export');
    const fmt = exportFormatSchema.safeParse(format);
    if (!fmt.success) {
      io.stderr.write('--format 应为 xlsx、pdf、text 或 json\n');
      return 2;
    }
    const { ensureBaseData } = await import('@/lib/setup/bootstrap');
    const { sectionByCode } = await import('@/lib/projects/section');
    await ensureBaseData();
    const section = sectionByCode(unit, year, { includeDrafts: options.has('all'), projectCode: str('project') });
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
};
