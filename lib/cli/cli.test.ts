/**
 * The command line as an operator uses it: each command run with its arguments, its output and its
 * exit code; and the real process for what only a process shows (exit codes, a closed pipe).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, isPostgresRun } from '@/lib/testing/db';
import { runCommand } from './command';
import { commands } from './registry';

const REFERENCE = path.join(process.cwd(), 'lib', 'demo', 'reference-441001-2024.txt');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-cli-'));

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

type Interchange = { projects: { code: string; indicators: unknown[] }[] };

beforeAll(async () => {
  await freshDatabase();
});

describe('pt', () => {
  it('parse: the reference as interchange JSON, 23 tables and 212 rows', async () => {
    const r = await pt(['parse', REFERENCE]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Interchange;
    expect(json.projects).toHaveLength(23);
    expect(json.projects.reduce((n, p) => n + p.indicators.length, 0)).toBe(212);
  });

  it('render: the parsed JSON back to text that parses to the same JSON', async () => {
    const first = await pt(['parse', REFERENCE]);
    fs.writeFileSync(path.join(dir, 'ref.json'), first.out);
    const text = await pt(['render', path.join(dir, 'ref.json')]);
    expect(text.code).toBe(0);
    fs.writeFileSync(path.join(dir, 'again.txt'), text.out);
    expect((await pt(['parse', path.join(dir, 'again.txt')])).out).toBe(first.out);
  });

  it('check: exit 0 on the reference (warnings only), 1 with the cost target over the budget', async () => {
    const ok = await pt(['check', REFERENCE]);
    expect(ok.code).toBe(0);
    const findings = (JSON.parse(ok.out) as { findings: { severity: string }[] }).findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
    const bad = path.join(dir, 'bad.txt');
    fs.writeFileSync(bad, fs.readFileSync(REFERENCE, 'utf8').replace('总成本控制\t总成本控制\t≤10 万元', '总成本控制\t总成本控制\t≤12 万元'));
    const r = await pt(['check', bad]);
    expect(r.code).toBe(1);
    const errors = (JSON.parse(r.out) as { findings: { severity: string; project: string; path: string }[] }).findings.filter((f) => f.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ project: '13080024P00009810002A', path: 'indicators.5.value' })]);
  });

  it('check: a file that is no disclosure, or a table it cannot read, is an error, not a clean result', async () => {
    const junk = path.join(dir, 'junk.txt');
    fs.writeFileSync(junk, Buffer.from([0, 1, 2, 255, 254, 10, 65]));
    const parsed = await pt(['parse', junk]);
    expect(parsed.code).toBe(1);
    expect((JSON.parse(parsed.out) as { problems: { message: string }[] }).problems[0]!.message).toContain('不像单位预算公开文本');
    const none = await pt(['check', junk, '--year', '2024']);
    expect(none.code).toBe(1);
    expect((JSON.parse(none.out) as { findings: { rule: string }[] }).findings.map((f) => f.rule)).toEqual(['document.no-tables']);
    // Table 2 without its indicator rows: skipped by the reader, so an error of the check.
    const cut = path.join(dir, 'cut.txt');
    const lines = fs.readFileSync(REFERENCE, 'utf8').split('\n');
    const second = lines.findIndex((l) => /2、.*绩效目标表/.test(l));
    const head = lines.findIndex((l, i) => i > second && l.includes('一级指标'));
    const third = lines.findIndex((l) => /3、.*绩效目标表/.test(l));
    fs.writeFileSync(cut, [...lines.slice(0, head + 1), ...lines.slice(third)].join('\n'));
    const r = await pt(['check', cut]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as { findings: { rule: string; message: string }[] }).findings).toContainEqual(
      expect.objectContaining({ rule: 'document.table-unreadable', message: expect.stringContaining('表 2') }),
    );
    // Without a year in the text and none given, it asks instead of guessing this year.
    const section = path.join(dir, 'section.txt');
    fs.writeFileSync(section, lines.slice(lines.findIndex((l) => l.includes('五、单位项目预算安排情况及绩效目标'))).join('\n'));
    const noYear = await pt(['check', section]);
    expect(noYear.code).toBe(2);
    expect(noYear.err).toContain('请用 --year 指定');
    const withYear = await pt(['check', section, '--year', '2024']);
    expect((JSON.parse(withYear.out) as { findings: { rule: string }[] }).findings.filter((f) => f.rule === 'value.deadline-outside-year')).toEqual([]);
  });

  it('values: one typed value per input line', async () => {
    const r = await pt(['values'], '≥92%\n≤300 件\n2024年12月底前完成\n完成良好\n');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { kind: string });
    expect(lines.map((l) => l.kind)).toEqual(['quantity', 'quantity', 'deadline', 'text']);
    expect(lines[0]).toMatchObject({ op: '>=', number: 92, unit: '%' });
  });

  it('import then export: the published text of the database parses back to the 23 tables', async () => {
    const imported = await pt(['import', REFERENCE]);
    expect(imported.code, imported.err).toBe(0);
    const out = path.join(dir, 'out.txt');
    const exported = await pt(['export', '--unit', '441001', '--year', '2024', '--format', 'text', '--all', '-o', out]);
    expect(exported.code, exported.err).toBe(0);
    const parsed = await pt(['parse', out]);
    expect((JSON.parse(parsed.out) as Interchange).projects.map((p) => p.code)).toEqual((JSON.parse((await pt(['parse', REFERENCE])).out) as Interchange).projects.map((p) => p.code));
    // Importing the same file again changes nothing.
    expect((await pt(['import', REFERENCE])).out).toMatch(/共 23 张表，新建 0，更新 0，无变化 23，跳过 0/);
  });

  it('says what is wrong in Chinese, without a stack trace, and exits non-zero', async () => {
    for (const args of [['parse', path.join(dir, 'missing.txt')], ['check'], ['export', '--unit', '441001'], ['import', REFERENCE, '--year', '1800']]) {
      const r = await pt(args);
      expect(r.code, args.join(' ')).toBeGreaterThan(0);
      expect(r.err, args.join(' ')).toMatch(/[\u4e00-\u9fff]/);
      expect(r.err, args.join(' ')).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses a mistyped call instead of guessing: unknown options, missing values, repeats, extra words', async () => {
    const base = ['export', '--unit', '441001', '--year', '2024'];
    const cases: [string[], string][] = [
      [[...base, '-o', path.join(dir, 'x.pdf'), '--bogus'], '未知选项：--bogus'],
      [[...base, '--format', '-o', path.join(dir, 'x.pdf')], '--format 缺少值'],
      [[...base, '--format', 'pdf', '-o', path.join(dir, 'x.pdf'), '--project'], '--project 缺少值'],
      [[...base, '--year', '2025', '--format', 'pdf', '-o', path.join(dir, 'x.pdf')], '--year 重复给出'],
      [[...base, '--format', 'pdf', '-o', path.join(dir, 'x.pdf'), 'extra'], '多余的参数：extra'],
      [['export', '--unit', '441001', '--year', 'abc', '-o', path.join(dir, 'x.pdf')], '--year 应为 2000–2100 之间的年份'],
      [[...base, '-o', path.join(dir, 'x.bin')], '请用 --format 指定格式'],
      [[...base, '--format', 'docx', '-o', path.join(dir, 'x.docx')], '--format 应为 xlsx、pdf、text 或 json'],
      [[...base, '--all=yes', '--format', 'pdf', '-o', path.join(dir, 'x.pdf')], '--all 不带值'],
      [['import', REFERENCE, '--unit'], '--unit 缺少值'],
      [['export', '--unit', '441001', '--year', '2024', '--year=2024', '-o', path.join(dir, 'x.pdf')], '--year 重复给出'],
      [['parse', REFERENCE, REFERENCE], '多余的参数'],
      [['db:synth', '--projects', '10', '--bogus'], '未知选项：--bogus'],
    ];
    for (const [args, message] of cases) {
      const r = await pt(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toContain(message);
      expect(r.err, args.join(' ')).toContain('用法：npm run pt --');
    }
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
  });

  it('import: a unit code given by hand follows the same rule as one made by an administrator', async () => {
    const r = await pt(['import', REFERENCE, '--unit', 'x y', '--year', '2024']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('单位编码“x y”无效');
  });

  // A SQLite file copy; on PostgreSQL the command refuses and names pg_dump (the test below).
  it.skipIf(isPostgresRun())('db:backup: never over the live database, and over an existing file only with --force', async () => {
    const copy = path.join(dir, 'copy.db');
    expect((await pt(['db:backup', copy])).code).toBe(0);
    const again = await pt(['db:backup', copy]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('已存在');
    expect((await pt(['db:backup', copy, '--force'])).code).toBe(0);
    const { liveDatabaseFile } = await import('@/db/queries/status');
    const live = liveDatabaseFile()!;
    for (const target of [live, `${live}-wal`]) {
      const r = await pt(['db:backup', target, '--force']);
      expect(r.code, target).toBe(2);
      expect(r.err).toContain('不能备份到数据库文件本身');
    }
  });

  it.runIf(isPostgresRun())('db:backup and db:restore on PostgreSQL: refused, naming the tools to use instead', async () => {
    const backup = await pt(['db:backup', path.join(dir, 'pg.dump')]);
    expect(backup.code).toBe(2);
    expect(backup.err).toContain('pg_dump -Fc -f');
    const restore = await pt(['db:restore', path.join(dir, 'pg.dump')]);
    expect(restore.code).toBe(2);
    expect(restore.err).toContain('pg_restore --clean --if-exists -d "$DATABASE_URL"');
    expect(fs.existsSync(path.join(dir, 'pg.dump'))).toBe(false);
  });

  it('export: the format follows the file name when --format is left out; --project picks one table', async () => {
    const pdf = path.join(dir, 'section.pdf');
    // Imported tables are drafts: without --all there is nothing to export, and it says so.
    const approvedOnly = await pt(['export', '--unit', '441001', '--year', '2024', '-o', pdf]);
    expect(approvedOnly.code).toBe(1);
    expect(approvedOnly.err).toContain('加 --all 可导出未审核的表');
    expect((await pt(['export', '--unit', '441001', '--year', '2024', '-o', pdf, '--all'])).code).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const one = path.join(dir, 'one.txt');
    const r = await pt(['export', '--unit', '441001', '--year', '2024', '--project', '13080024P000101100029', '-o', one, '--all']);
    expect(r.code, r.err).toBe(0);
    expect(fs.readFileSync(one, 'utf8')).toContain('13080024P000101100029');
    expect(fs.readFileSync(one, 'utf8').match(/绩效目标表/g)).toHaveLength(1);
  });
});

describe('the pt process', () => {
  const tsx = path.join('node_modules', 'tsx', 'dist', 'cli.mjs');
  const run = (args: string[]) => spawnSync(process.execPath, [tsx, 'lib/cli/main.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_PATH: path.join(dir, 'p.db') } });

  it('exits 2 with the help for an unknown command, and 0 for help', () => {
    const unknown = run(['nonsense']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('未知命令：nonsense');
    expect(run(['help']).stdout).toContain('用法：npm run pt --');
  });

  it('ends quietly when the reader of its output goes away (pt parse FILE | head)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" ${tsx} lib/cli/main.ts parse "${REFERENCE}" | head -c 100 >/dev/null`], { encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(execFileSync('sh', ['-c', `"${process.execPath}" ${tsx} lib/cli/main.ts parse "${REFERENCE}" | head -c 20`], { encoding: 'utf8' })).toHaveLength(20);
  });
});
