import fs from 'node:fs';
import { parseArgs, type Command } from '../command';

export const checkCommand: Command = {
  name: 'check',
  usage: 'check FILE [--framework cz2015|cz2021]  检查公开文本中的全部表（不指定指标体系时按文中的指标判断），输出 {"findings": […]}；有错误时退出码为 1',
  async run(args, io) {
    const { positional, options } = parseArgs(args, { values: ['framework'], positional: 1 });
    const file = positional[0];
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
    const code = options.get('framework');
    const asked = typeof code === 'string' ? BUILTIN_FRAMEWORKS.find((f) => f.code === code) : undefined;
    if (typeof code === 'string' && !asked) {
      io.stderr.write(`未知的指标体系：${code}（可选 ${BUILTIN_FRAMEWORKS.map((f) => f.code).join('、')}）\n`);
      return 2;
    }
    const doc = parsePublished(decodeText(bytes));
    // Without --framework, the one the document's rows follow.
    const framework = asked ?? frameworkOfRows(doc.projects.flatMap((p) => p.indicators));
    for (const p of doc.problems) io.stderr.write(`提示：${p.message}\n`);
    const findings = checkUnitYear(
      {
        tables: doc.projects,
        projectExpenditure: doc.projectExpenditure,
        mentions: doc.mentions,
        titles: doc.projects.map((p) => ({ code: p.code, title: p.source.title })),
      },
      { framework, year: doc.year ?? new Date().getFullYear(), profile: DEFAULT_RULE_PROFILE },
    );
    const out = findings.map((f) => ({ severity: f.severity, rule: f.rule, project: f.project, path: f.path, message: f.message }));
    io.stdout.write(`${JSON.stringify({ findings: out }, null, 2)}\n`);
    return hasErrors(findings) ? 1 : 0;
  },
};
