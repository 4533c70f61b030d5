import fs from 'node:fs';
import type { LastYearRow } from '@/lib/domain/last-year';
import { parseArgs, valueOf, yearOf, type Command } from '../command';

export const checkCommand: Command = {
  name: 'check',
  usage:
    'check FILE [--framework cz2015|cz2021] [--year YYYY] [--previous 上年FILE]  检查公开文本中的全部表（不指定指标体系时按文中的指标判断；给出上年的公开文本时，按项目编码、否则按项目名称找到上年的表，提醒指标值偏低/偏高），输出 {"findings": […]}；有错误（含无法读取的表）时退出码为 1',
  async run(args, io) {
    const parsed = parseArgs(args, { values: ['framework', 'year', 'previous'], positional: 1 });
    const givenYear = yearOf(parsed);
    const file = parsed.positional[0];
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file ?? '');
    } catch {
      io.stderr.write(file ? `无法读取文件：${file}\n` : '请指定要检查的文件\n');
      return 2;
    }
    const { decodeText } = await import('@/lib/http/body');
    const { parsePublished } = await import('@/lib/format/published/parse');
    const { BUILTIN_FRAMEWORKS, frameworkOfRows } = await import('@/lib/domain/framework');
    const { checkUnitYear, DEFAULT_RULE_PROFILE, hasErrors } = await import('@/lib/domain/rules');
    const code = valueOf(parsed, 'framework');
    const chosen = code === undefined ? undefined : BUILTIN_FRAMEWORKS.find((f) => f.code === code);
    if (code !== undefined && !chosen) {
      io.stderr.write(`未知的指标体系：${code}（可选 ${BUILTIN_FRAMEWORKS.map((f) => f.code).join('、')}）\n`);
      return 2;
    }
    const doc = parsePublished(decodeText(bytes));
    // Last year's published text, when given: each table is compared with the one it continues (指标值偏低).
    const previousFile = valueOf(parsed, 'previous');
    let lastYear: ((t: { code: string; name: string }) => readonly LastYearRow[] | null) | undefined;
    if (previousFile !== undefined) {
      let previousBytes: Buffer;
      try {
        previousBytes = fs.readFileSync(previousFile);
      } catch {
        io.stderr.write(`无法读取上年的文件：${previousFile}\n`);
        return 2;
      }
      const { previousTableOf } = await import('@/lib/domain/last-year-table');
      const previousTables = parsePublished(decodeText(previousBytes)).projects;
      lastYear = (t) => previousTableOf(t, previousTables)?.indicators ?? null;
    }
    // Without --framework, the one the document's rows follow.
    const framework = chosen ?? frameworkOfRows(doc.projects.flatMap((p) => p.indicators));
    for (const p of doc.problems) io.stderr.write(`提示：${p.message}\n`);
    // The year decides which deadlines are in range: from --year, else the document; never guessed.
    const year = givenYear ?? doc.year;
    if (year === null) {
      io.stderr.write('文中没有找到预算年度（如“2024 年单位预算”），请用 --year 指定\n');
      return 2;
    }
    // What could not be read is not “no findings”: a file without tables, and each table skipped, is an error.
    const unread = [
      ...(doc.projects.length === 0
        ? [{ severity: 'error' as const, rule: 'document.no-tables', project: null, path: '', message: doc.problems[0]?.message ?? '没有读到任何绩效目标表' }]
        : []),
      ...doc.problems
        .filter((p) => p.isTableSkipped)
        .map((p) => ({ severity: 'error' as const, rule: 'document.table-unreadable', project: null, path: `line:${p.line}`, message: p.message })),
    ];
    const findings = checkUnitYear(
      {
        tables: doc.projects,
        projectExpenditure: doc.projectExpenditure,
        mentions: doc.mentions,
        titles: doc.projects.map((p) => ({ code: p.code, title: p.source.title })),
      },
      { framework, year, profile: DEFAULT_RULE_PROFILE, ...(lastYear ? { lastYear } : {}) },
    );
    const out = [...unread, ...findings.map((f) => ({ severity: f.severity, rule: f.rule, project: f.project, path: f.path, message: f.message }))];
    io.stdout.write(`${JSON.stringify({ findings: out }, null, 2)}\n`);
    return hasErrors(findings) || unread.length > 0 ? 1 : 0;
  },
};
