/**
 * The PostgreSQL server the benchmark measures: PT_TEST_DATABASE_URL / `--database-url` (a fresh
 * database is made on it and dropped afterwards), or a throwaway cluster of our own. Not the test
 * cluster of scripts/pg/cluster.mjs: that one runs with fsync=off, and a save timed without a real
 * flush would be compared with SQLite's synchronous=FULL. Here fsync, synchronous_commit and
 * full_page_writes keep their durable defaults (checked after start-up, so a changed default fails the
 * run instead of flattering it).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from '../reliability/server';

type ClusterModule = {
  findPostgres(): string | null;
  stopCluster(dir: string, bin?: string | null): void;
  createDatabase(url: string, name: string): string;
  dropDatabase(url: string, name: string): void;
};

/** cluster.mjs is plain JavaScript without declarations (it runs before `npm ci`): typed here. */
async function clusterModule(): Promise<ClusterModule> {
  return (await import(pathToFileURL(path.join(process.cwd(), 'scripts/pg/cluster.mjs')).href)) as ClusterModule;
}

/**
 * Server settings a production server would have, none of which trades durability: more shared
 * buffers than the 128 MB default (the 1,000,000-project database is a few GB) and a WAL large enough
 * that the bulk load is not one checkpoint after another.
 */
export const SERVER_SETTINGS = ['shared_buffers=512MB', 'max_wal_size=4GB', 'max_connections=200', 'listen_addresses=127.0.0.1'];

const isRoot = () => process.getuid?.() === 0;

function run(bin: string, tool: string, args: string[]): string {
  const file = path.join(bin, tool);
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${tool} 失败（${r.error?.message ?? `退出码 ${r.status}`}）：${`${r.stdout ?? ''}${r.stderr ?? ''}`.trim()}`);
  return r.stdout;
}

function psql(bin: string | null, url: string, query: string): string {
  const r = spawnSync(bin ? path.join(bin, 'psql') : 'psql', ['-X', '-A', '-t', '-d', url, '-c', query], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql 失败：${query}\n${(r.stderr ?? '').trim()}`);
  return r.stdout.trim();
}

export type BenchPostgres = {
  /** A fresh empty database for one pass. */
  database(name: string): Promise<string>;
  /** fsync, synchronous_commit, full_page_writes and the PostgreSQL version, as the server reports them. */
  settings: string;
  where: string;
  stop(): Promise<void>;
};

export async function benchPostgres(given: string | null): Promise<BenchPostgres> {
  const m = await clusterModule();
  const bin = m.findPostgres();
  let server = given;
  let dir: string | null = null;
  if (!server) {
    if (!bin) throw new Error('找不到 PostgreSQL（/usr/lib/postgresql/<版本>/bin）：Debian 上请执行 sudo apt-get install -y postgresql，或用 --database-url 指定服务器');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-bench-pg-'));
    if (isRoot()) spawnSync('chown', ['-R', 'postgres:postgres', dir]);
    const data = path.join(dir, 'data');
    try {
      run(bin, 'initdb', ['-D', data, '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '-A', 'trust']);
      const port = await freePort();
      const options = [`-p ${port}`, `-k '${dir}'`, ...SERVER_SETTINGS.map((s) => `-c ${s}`)].join(' ');
      run(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']);
      server = `postgres://postgres@127.0.0.1:${port}/postgres`;
    } catch (error) {
      m.stopCluster(dir, bin);
      throw error;
    }
  }
  const settings = psql(bin, server, "select string_agg(name || '=' || setting, ', ' order by name) from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'server_version')");
  if (!/fsync=on/.test(settings) || !/synchronous_commit=on/.test(settings)) {
    if (dir) m.stopCluster(dir, bin);
    throw new Error(`PostgreSQL 的持久化设置不是默认值（${settings}）：保存的耗时不能与 SQLite 的 synchronous=FULL 相比`);
  }
  const made: string[] = [];
  return {
    async database(name) {
      made.push(name);
      return m.createDatabase(server, name);
    },
    settings,
    where: given ? '指定的服务器' : `临时集群（${SERVER_SETTINGS.slice(0, 2).join('，')}）`,
    async stop() {
      if (dir) m.stopCluster(dir, bin);
      else for (const name of made) {
        try {
          m.dropDatabase(server, name);
        } catch {
          // a leftover benchmark database is harmless; the next run replaces it
        }
      }
    },
  };
}
