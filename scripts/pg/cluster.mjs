// A throwaway PostgreSQL cluster for tests: initdb into a folder, pg_ctl start on a free loopback port,
// stop and delete the folder afterwards. Uses only node and Debian's server binaries
// (/usr/lib/postgresql/<version>/bin), so it works before `npm ci` and on a machine without `pg`.
//
//   node scripts/pg/cluster.mjs start [--dir D] [--port P]   prints the URL, leaves the cluster running
//   node scripts/pg/cluster.mjs stop --dir D                  stops it and deletes D
//
// initdb refuses to run as root, so as root every server command runs as the `postgres` user
// (`runuser -u postgres --`) and the folder is handed to that user.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DEBIAN_ROOT = '/usr/lib/postgresql';
const READY_TIMEOUT_MS = 30_000;

/** The bin folder of the newest Debian PostgreSQL (or PT_PG_BIN), or null when none is installed. */
export function findPostgres() {
  const fromEnv = process.env.PT_PG_BIN;
  if (fromEnv && fs.existsSync(path.join(fromEnv, 'initdb'))) return fromEnv;
  if (!fs.existsSync(DEBIAN_ROOT)) return null;
  const versions = fs
    .readdirSync(DEBIAN_ROOT)
    .filter((v) => /^\d+(\.\d+)?$/.test(v) && fs.existsSync(path.join(DEBIAN_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(DEBIAN_ROOT, versions[0], 'bin') : null;
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a server binary, as `postgres` when we are root; throws with its output when it fails. */
function runServerTool(bin, tool, args) {
  const file = path.join(bin, tool);
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  // stdin/stdout/stderr not inherited: with -l the postmaster writes to its log file, and a pipe it
  // held open would keep spawnSync waiting for ever.
  const r = spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  if (r.status !== 0) {
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
    throw new Error(`${tool} 失败（${r.error?.message ?? `退出码 ${r.status}`}）${output ? `：\n${output}` : ''}`);
  }
  return r.stdout;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitUntilReady(bin, port) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const r = spawnSync(path.join(bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres']);
    if (r.status === 0) return;
    if (Date.now() > deadline) throw new Error(`PostgreSQL 在 ${READY_TIMEOUT_MS / 1000} 秒内没有开始接受连接（端口 ${port}）`);
    await sleep(100);
  }
}

function readLog(dir) {
  try {
    return fs.readFileSync(path.join(dir, 'log'), 'utf8').trim().split('\n').slice(-20).join('\n');
  } catch {
    return '';
  }
}

/** Stops the cluster in `dir` (if it runs) and deletes the folder. Synchronous, so it can run in an exit handler. */
export function stopCluster(dir, bin = findPostgres()) {
  const data = path.join(dir, 'data');
  if (bin && fs.existsSync(path.join(data, 'postmaster.pid'))) {
    runServerTool(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Creates and starts a cluster in `dir` (a new temporary folder by default; an existing `dir` must
 * be empty). `port` defaults to a free loopback port. Resolves once the server accepts connections.
 */
export async function startCluster({ dir, port } = {}) {
  const bin = findPostgres();
  if (!bin) throw new Error(`找不到 PostgreSQL（${DEBIAN_ROOT}/<版本>/bin/initdb）。Debian 上请执行：sudo apt-get install -y postgresql`);
  const folder = dir ? path.resolve(dir) : fs.mkdtempSync(path.join(os.tmpdir(), 'pt-pg-'));
  if (fs.existsSync(folder) && fs.readdirSync(folder).length > 0) {
    throw new Error(`${folder} 不是空目录；请换一个目录，或先运行 node scripts/pg/cluster.mjs stop --dir ${folder}`);
  }
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (isRoot()) {
    const r = spawnSync('chown', ['-R', 'postgres:postgres', folder], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`无法把 ${folder} 交给 postgres 用户（${r.stderr.trim()}）；以 root 运行时需要 postgres 用户（Debian 的 postgresql 软件包会创建它）`);
  }
  const data = path.join(folder, 'data');
  try {
    runServerTool(bin, 'initdb', ['-D', data, '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '-A', 'trust', '--no-sync']);
    // A port picked here may be taken before the postmaster binds it; then try another one.
    for (let attempt = 1; ; attempt++) {
      const p = port ?? (await freePort());
      const options = `-p ${p} -k '${folder}' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
      try {
        runServerTool(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', path.join(folder, 'log'), '-w', '-t', '60', 'start']);
      } catch (error) {
        if (port === undefined && attempt < 3 && /could not bind|Address already in use/.test(readLog(folder))) continue;
        throw new Error(`${error.message}\n${readLog(folder)}`);
      }
      await waitUntilReady(bin, p);
      const url = `postgres://postgres@127.0.0.1:${p}/postgres`;
      fs.writeFileSync(path.join(folder, 'url'), `${url}\n`);
      return { url, port: p, dir: folder, bin, stop: () => stopCluster(folder, bin) };
    }
  } catch (error) {
    stopCluster(folder, bin);
    throw error;
  }
}

/** psql from the cluster's bin folder, else from PATH (a remote server needs only the client). */
function psql(url, sql) {
  const bin = findPostgres();
  const file = bin ? path.join(bin, 'psql') : 'psql';
  const r = spawnSync(file, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql 失败（${r.error?.message ?? `退出码 ${r.status}`}）：${sql}\n${(r.stderr ?? '').trim()}`);
  return r.stdout;
}

function checkName(name) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`数据库名只能含小写字母、数字和下划线：${name}`);
  return name;
}

/** The URL of database `name` on the server of `url`. */
export function databaseUrl(url, name) {
  const u = new URL(url);
  u.pathname = `/${checkName(name)}`;
  return u.toString();
}

/** Drops `name` on the server of `url` (ending its sessions), if it exists. */
export function dropDatabase(url, name) {
  psql(url, `DROP DATABASE IF EXISTS "${checkName(name)}" WITH (FORCE)`);
}

/** Creates an empty database `name` on the server of `url` (replacing one left behind) and returns its URL. */
export function createDatabase(url, name) {
  dropDatabase(url, name);
  psql(url, `CREATE DATABASE "${checkName(name)}" TEMPLATE template0 ENCODING 'UTF8'`);
  return databaseUrl(url, name);
}

function parseArgs(argv) {
  const [command, ...rest] = argv;
  const opts = {};
  for (let i = 0; i < rest.length; i += 2) {
    const key = rest[i];
    const value = rest[i + 1];
    if ((key !== '--dir' && key !== '--port') || value === undefined) throw new Error(`不认识的参数：${rest.slice(i).join(' ')}`);
    opts[key.slice(2)] = value;
  }
  return { command, opts };
}

async function main() {
  const usage = '用法：node scripts/pg/cluster.mjs start [--dir D] [--port P] | stop --dir D';
  let parsed;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\n${usage}`);
    process.exit(2);
  }
  const { command, opts } = parsed;
  try {
    if (command === 'start') {
      const port = opts.port === undefined ? undefined : Number(opts.port);
      const cluster = await startCluster({ dir: opts.dir, port });
      console.log(cluster.url);
    } else if (command === 'stop' && opts.dir) {
      stopCluster(path.resolve(opts.dir));
    } else {
      console.error(usage);
      process.exit(2);
    }
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
