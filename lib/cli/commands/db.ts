import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type Command } from '../command';

export const migrate: Command = {
  name: 'db:migrate',
  usage: 'db:migrate                 创建或升级数据库（启动时也会自动执行）',
  async run(args, io) {
    parseArgs(args);
    const { ensureBaseData } = await import('@/lib/setup/bootstrap');
    const { describeDatabase } = await import('@/db/client');
    await ensureBaseData();
    io.stdout.write(`数据库已是最新：${describeDatabase()}\n`);
    return 0;
  },
  usesDatabase: true,
};

export const demo: Command = {
  name: 'db:demo',
  usage: 'db:demo                    载入演示数据（已载入则不重复）',
  async run(args, io) {
    parseArgs(args);
    const { describeDemoAccounts, loadDemo } = await import('@/lib/setup/demo');
    const r = await loadDemo();
    io.stdout.write(r.isLoaded ? `已载入演示数据：${r.tables} 张表。\n` : '演示数据已存在，未重复载入。\n');
    io.stdout.write(`${describeDemoAccounts()}\n`);
    return 0;
  },
  usesDatabase: true,
};

export const backup: Command = {
  name: 'db:backup',
  usage: 'db:backup FILE [--force]   在线备份数据库到 FILE（服务运行时也可执行；FILE 已存在时需 --force 才覆盖）',
  async run(args, io) {
    const { positional, options } = parseArgs(args, { flags: ['force'], positional: 1 });
    const file = positional[0];
    if (!file) {
      io.stderr.write('请指定备份文件，例如：npm run pt -- db:backup backups/app-20240301.db\n');
      return 2;
    }
    const { engine, ready } = await import('@/db/client');
    // PostgreSQL's own tools make its backups; this command would only copy a SQLite file.
    if (engine() === 'postgres') {
      io.stderr.write(`当前使用 PostgreSQL（DATABASE_URL），本命令只能备份 SQLite 数据库。请改用 PostgreSQL 自带的工具备份：\n  pg_dump -Fc -f ${file} "$DATABASE_URL"\n`);
      return 2;
    }
    const { backupTo } = await import('@/db/queries/maintenance');
    const { liveDatabaseFile } = await import('@/db/queries/status');
    await ready();
    const live = liveDatabaseFile()!;
    const target = path.resolve(file);
    // Writing the copy over the live database (or its journal) would lose what the server writes next.
    if ([live, `${live}-wal`, `${live}-shm`].includes(target) || (fs.existsSync(target) && fs.existsSync(live) && fs.realpathSync(target) === fs.realpathSync(live))) {
      io.stderr.write(`不能备份到数据库文件本身（${live}），请换一个文件名\n`);
      return 2;
    }
    if (fs.existsSync(target) && !options.has('force')) {
      io.stderr.write(`${file} 已存在。确认要覆盖它，请加 --force 重新执行。\n`);
      return 2;
    }
    const started = Date.now();
    const r = await backupTo(file);
    io.stdout.write(`已备份到 ${file}（${(r.bytes / 1024 / 1024).toFixed(1)} MB，${Date.now() - started} ms）\n`);
    return 0;
  },
  usesDatabase: true,
};

export const restore: Command = {
  name: 'db:restore',
  usage: 'db:restore FILE [--force]  检查备份文件并恢复（须先停止服务；覆盖现有数据库需 --force，原文件移到旁边保留）',
  async run(args, io) {
    const { positional, options } = parseArgs(args, { flags: ['force'], positional: 1 });
    const file = positional[0];
    if (!file) {
      io.stderr.write('请指定要恢复的备份文件\n');
      return 2;
    }
    const { databasePath, engine } = await import('@/db/client');
    if (engine() === 'postgres') {
      io.stderr.write(`当前使用 PostgreSQL（DATABASE_URL），本命令只能恢复 SQLite 备份文件。请先停止服务，再用 PostgreSQL 自带的工具恢复：\n  pg_restore --clean --if-exists -d "$DATABASE_URL" ${file}\n`);
      return 2;
    }
    // The file is replaced, never opened here: restoring needs the database closed, by every process.
    const { checkDatabaseFile, DatabaseInUse, replaceDatabaseFile } = await import('@/db/queries/maintenance');
    const check = checkDatabaseFile(file);
    if (!check.ok) {
      io.stderr.write(`备份文件不可用：${check.message}\n`);
      return 1;
    }
    const target = databasePath();
    if (fs.existsSync(target) && !options.has('force')) {
      io.stderr.write(`数据库 ${target} 已存在。确认要用备份覆盖它，请先停止服务，再加 --force 重新执行。\n`);
      return 1;
    }
    try {
      const { movedAside } = replaceDatabaseFile(file, target);
      io.stdout.write(`已从 ${file} 恢复到 ${target}（${check.projects} 张表）。启动服务时会自动升级到最新结构。\n`);
      if (movedAside.length > 0) io.stdout.write(`原数据库已移到：${movedAside.join('、')}（确认无误后可删除）\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof DatabaseInUse)) throw error;
      io.stderr.write(`未恢复：${error.message}\n`);
      return 1;
    }
  },
};

export const copy: Command = {
  name: 'db:copy',
  usage: 'db:copy --from FILE         把内置 SQLite 数据库 FILE 的全部数据复制到 DATABASE_URL 指定的空 PostgreSQL 数据库（一个事务；会话不复制）',
  async run(args, io) {
    const { options } = parseArgs(args, { values: ['from'] });
    const from = options.get('from');
    if (typeof from !== 'string') {
      io.stderr.write('请用 --from 指定 SQLite 数据库文件，例如：DATABASE_URL=postgres://… npm run pt -- db:copy --from data/app.db\n');
      return 2;
    }
    const { engine, ready } = await import('@/db/client');
    if (engine() !== 'postgres') {
      io.stderr.write('db:copy 把内置 SQLite 数据库复制到 PostgreSQL：请先设置 DATABASE_URL 指向一个空的 PostgreSQL 数据库\n');
      return 2;
    }
    const { copyFromSqlite, CopyRefused } = await import('@/db/queries/copy');
    await ready();
    try {
      const r = await copyFromSqlite(path.resolve(from));
      for (const t of r.tables) io.stdout.write(`${t.table}：${t.rows} 行\n`);
      io.stdout.write('复制完成。会话没有复制，所有用户需重新登录。\n');
      return 0;
    } catch (error) {
      if (error instanceof CopyRefused) {
        io.stderr.write(`${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
  usesDatabase: true,
};

export const synth: Command = {
  name: 'db:synth',
  usage: 'db:synth --projects N [--per-unit 100] [--year 2024] [--seed 1] [--json]  生成规模测试用的合成数据',
  async run(args, io) {
    const { options } = parseArgs(args, { values: ['projects', 'per-unit', 'year', 'seed'], flags: ['json'] });
    const num = (k: string, d: number) => {
      const v = options.get(k);
      const n = typeof v === 'string' ? Number(v) : d;
      return Number.isInteger(n) && n > 0 ? n : NaN;
    };
    const opts = { projects: num('projects', NaN), perUnit: num('per-unit', 100), year: num('year', 2024), seed: num('seed', 1) };
    if (Object.values(opts).some(Number.isNaN)) {
      io.stderr.write('用法：db:synth --projects N [--per-unit 100] [--year 2024] [--seed 1]（均为正整数）\n');
      return 2;
    }
    const { ensureBaseData, systemActor } = await import('@/lib/setup/bootstrap');
    const { synthesize } = await import('@/lib/setup/synth');
    await ensureBaseData();
    const started = Date.now();
    const r = await synthesize(opts, (await systemActor()).id);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    // --json: one line for scripts (the benchmark finds the units it made by their codes).
    if (options.has('json')) io.stdout.write(`${JSON.stringify({ ...r, seconds: Number(seconds) })}\n`);
    else io.stdout.write(`已生成 ${r.units} 个单位（${r.firstUnitCode}–${r.lastUnitCode}）、${r.projects} 张表（${seconds} s）\n`);
    return 0;
  },
  usesDatabase: true,
};
