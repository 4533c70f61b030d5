import fs from 'node:fs';
import { parseArgs, UsageError, valueOf, yearOf, type Command } from '../command';

const FORMATS = ['txt', 'html', 'xlsx', 'docx'] as const;

export const importCommand: Command = {
  name: 'import',
  usage:
    'import FILE [--format txt|html|xlsx|docx] [--code CODE] [--unit CODE --year YYYY] [--framework cz2015|cz2021] [--force] [--overwrite]  把公开文本、网页、XLSX 或 DOCX 中的绩效目标表导入数据库（只更新草稿；重复导入不变；--code 为唯一一张没有项目编码的表指定编码；--force 也用读取有问题的表覆盖草稿；--overwrite 确认用文件覆盖库中已有的草稿，没有它时遇到要覆盖的草稿则不导入）',
  async run(args, io) {
    const parsed = parseArgs(args, { values: ['unit', 'year', 'framework', 'format', 'code'], flags: ['force', 'overwrite'], positional: 1 });
    const str = (k: string) => valueOf(parsed, k);
    const format = str('format');
    if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format 应为 ${FORMATS.join('、')} 之一，而不是“${format}”`);
    const code = str('code');
    if (code !== undefined && !/^[0-9A-Za-z-]{1,40}$/.test(code)) throw new UsageError('--code 应为项目编码：1–40 个字母、数字或连字符');
    const year = yearOf(parsed);
    const file = parsed.positional[0];
    if (!file) {
      io.stderr.write('请指定要导入的文件，例如：npm run pt -- import 单位预算公开.txt\n');
      return 2;
    }
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      io.stderr.write(`无法读取文件：${file}\n`);
      return 2;
    }
    const { readForImport, withCodes } = await import('@/lib/projects/import-reading');
    const { ensureBaseData, systemActor } = await import('@/lib/setup/bootstrap');
    const { applyImport } = await import('@/lib/projects/import');
    await ensureBaseData();
    const read = await readForImport(bytes, { fileName: file, format: format as (typeof FORMATS)[number] | undefined });
    let doc = read.doc;
    if (code !== undefined) {
      // --code names one table: it is refused when more than one table lacks a code (which would it be?).
      const missing = doc.projects.filter((p) => p.code === '');
      if (missing.length !== 1) {
        io.stderr.write(missing.length === 0 ? '文件中的表都有项目编码，不需要 --code。\n' : `文件中有 ${missing.length} 张表没有项目编码，--code 只能用于一张；请在导入页面的预览中逐表填写。\n`);
        return 1;
      }
      doc = withCodes(doc, { [missing[0]!.source.number - 1]: code });
    }
    for (const p of doc.problems) io.stderr.write(`提示：${p.message}\n`);
    if (doc.projects.length === 0) {
      io.stderr.write('文件中没有找到可导入的绩效目标表。\n');
      return 1;
    }
    const { ActionError } = await import('@/lib/actions/errors');
    let r: Awaited<ReturnType<typeof applyImport>>;
    try {
      r = await applyImport({ actor: await systemActor(), ip: null }, doc, { unitCode: str('unit'), year, frameworkCode: str('framework'), force: parsed.options.has('force'), overwrite: parsed.options.has('overwrite') ? 'all' : undefined });
    } catch (error) {
      // A refusal of the import itself (no unit, a bad code, an unknown framework): said, exit 1.
      if (!(error instanceof ActionError)) throw error;
      io.stderr.write(`未导入：${error.message}\n`);
      // The page's 覆盖草稿 tick is --overwrite here.
      if (!parsed.options.has('overwrite') && error.message.includes('覆盖库中的草稿')) io.stderr.write('核对无误后，加 --overwrite 确认用文件覆盖这些草稿。\n');
      return 1;
    }
    for (const it of r.items) {
      if (it.action === 'skip') io.stderr.write(`未覆盖：表 ${it.number} ${it.code} ${it.name}（${it.reason}）\n`);
      else if (it.reason) io.stderr.write(`注意：表 ${it.number} ${it.code} ${it.name}（${it.reason}）\n`);
    }
    if (r.projectExpenditure.message) io.stderr.write(`项目支出：${r.projectExpenditure.message}\n`);
    for (const f of r.unitYearFindings) io.stderr.write(`${f.severity === 'error' ? '错误' : '提醒'}：${f.message}\n`);
    const errors = r.items.reduce((n, i) => n + i.findings.filter((f) => f.severity === 'error').length, 0) + r.unitYearFindings.filter((f) => f.severity === 'error').length;
    io.stdout.write(
      `${r.unit.code} ${r.unit.name} ${r.year} 年度：共 ${r.items.length} 张表，新建 ${r.created}，更新 ${r.updated}，无变化 ${r.unchanged}，跳过 ${r.skipped}` +
        `${errors > 0 ? `；检查发现 ${errors} 个错误` : ''}\n`,
    );
    return 0;
  },
  usesDatabase: true,
};
