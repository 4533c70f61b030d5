import { parseArgs, UsageError, type Command } from '../command';

const SUB = ['search', 'rebuild'] as const;

export const libraryCommand: Command = {
  name: 'library',
  usage:
    'library search --q TEXT [--level2 NAME] [--limit N] [--unit CODE]  搜索指标库（与编辑器的建议相同），输出 JSON；--level2 的条目排在前面，--unit 只计该单位\n' +
    '  library rebuild            从全部已审核的表重新生成指标库（db:synth、db:copy 之后）',
  async run(args, io) {
    const { positional, options } = parseArgs(args, { values: ['q', 'level2', 'limit', 'unit'], positional: 1 });
    const sub = positional[0];
    if (!sub || !(SUB as readonly string[]).includes(sub)) throw new UsageError(sub ? `未知的子命令：${sub}` : '请指定子命令 search 或 rebuild');
    const { ensureBaseData } = await import('@/lib/setup/bootstrap');
    await ensureBaseData();
    if (sub === 'rebuild') {
      if (options.size > 0) throw new UsageError('rebuild 不带选项');
      const { rebuildLibrary } = await import('@/lib/library/commands/rebuild-library');
      const r = await rebuildLibrary();
      io.stdout.write(`已从 ${r.tables} 张已审核的表重新生成指标库（${r.ms} ms）\n`);
      return 0;
    }
    const q = options.get('q');
    if (typeof q !== 'string') throw new UsageError('请用 --q 给出搜索的文字');
    const limitText = options.get('limit');
    const limit = typeof limitText === 'string' ? Number(limitText) : 10;
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new UsageError('--limit 应为 1–50 的整数');
    const { cliJson, searchLibrary } = await import('@/lib/library/search');
    let scope: number[] | null = null;
    const unitCode = options.get('unit');
    if (typeof unitCode === 'string') {
      const { findUnitCode } = await import('@/lib/library/read');
      const unitId = await findUnitCode(unitCode);
      if (unitId === null) {
        io.stderr.write(`单位不存在：${unitCode}\n`);
        return 1;
      }
      scope = [unitId];
    }
    const level2 = options.get('level2');
    const entries = await searchLibrary(scope, { q, preferLevel2: typeof level2 === 'string' ? level2 : undefined, limit });
    io.stdout.write(`${JSON.stringify(cliJson(entries))}\n`);
    return 0;
  },
  usesDatabase: true,
};
