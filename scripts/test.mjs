// `npm test`: type-check, then on SQLite unit tests, build and the whole end-to-end suite in Chromium,
// then on PostgreSQL the unit tests and an end-to-end smoke (tests tagged @pg). Stops at the first
// failure.
//
// PT_TEST_ENGINES=sqlite|postgres|both (default both) picks the engines. PostgreSQL is the server of
// PT_TEST_DATABASE_URL when set, else a throwaway cluster (scripts/pg/cluster.mjs) stopped at the end.
// Without PostgreSQL a developer's run skips that part with a printed line; under CI=true, or when
// PT_TEST_ENGINES=postgres asks for it, a missing PostgreSQL is a failure.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, dropDatabase, startCluster } from './pg/cluster.mjs';
import { ensurePostgres, ensureSystemDeps } from './system-deps.mjs';

process.env.NEXT_TELEMETRY_DISABLED = '1';
// The reliability and e2e harnesses sign in with the printed demo passwords: a local trial (lib/setup/demo-accounts.ts).
process.env.DEMO_DATA ??= 'trial';
// They also sign the same accounts in from many clients at once, whose sessions must all stay valid.
process.env.SESSION_MAX_PER_USER ??= '100000';
const root = path.resolve(import.meta.dirname, '..');
const bin = (p) => path.join(root, 'node_modules', ...p.split('/'));
const started = Date.now();

const ENGINES = { sqlite: ['sqlite'], postgres: ['postgres'], both: ['sqlite', 'postgres'] };
const engineChoice = process.env.PT_TEST_ENGINES ?? 'both';
if (!(engineChoice in ENGINES)) {
  console.error(`PT_TEST_ENGINES 只能是 sqlite、postgres 或 both，而不是“${engineChoice}”`);
  process.exit(2);
}
const engines = ENGINES[engineChoice];

// A DATABASE_URL from the caller's shell would win over DATABASE_PATH and turn the SQLite steps (and
// the build) into runs against that server: only the PostgreSQL steps below set it.
for (const name of ['DATABASE_URL', 'PT_PG_ADMIN_URL']) {
  if (process.env[name] === undefined) continue;
  console.log(`忽略环境变量 ${name}：测试自己决定用哪个数据库（PostgreSQL 服务器请用 PT_TEST_DATABASE_URL 指定）`);
  delete process.env[name];
}

function step(title, args, env = {}) {
  const stepStarted = Date.now();
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n${title} 失败（${r.signal ? `信号 ${r.signal}` : `退出码 ${r.status}`}）`);
    process.exit(r.status ?? 1);
  }
  console.log(`--- ${title} 通过（${seconds(stepStarted)} s）`);
}

const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);

/** Runs a set-up step that is not a child process; a failure ends the run with its reason, no stack trace. */
async function setUp(title, fn) {
  try {
    return await fn();
  } catch (error) {
    console.error(`\n${title}失败：${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/** Where the PostgreSQL part runs, decided before the long SQLite part so a skip is said up front. */
function planPostgres() {
  if (!engines.includes('postgres')) return { mode: 'off' };
  if (process.env.PT_TEST_DATABASE_URL) return { mode: 'server', url: process.env.PT_TEST_DATABASE_URL };
  const { bin, hint } = ensurePostgres();
  if (bin) return { mode: 'cluster' };
  const how = `${hint}；或设置 PT_TEST_DATABASE_URL=postgres://用户@主机:端口/postgres 指向一台可以建库的服务器；只测 SQLite 请设 PT_TEST_ENGINES=sqlite`;
  if (['true', '1'].includes(process.env.CI ?? '') || engineChoice === 'postgres') {
    console.error(`PostgreSQL 不可用，而${engineChoice === 'postgres' ? ' PT_TEST_ENGINES=postgres 要求测试它' : ' CI 必须测试它'}（${how}）`);
    process.exit(1);
  }
  return { mode: 'skip', line: `PostgreSQL 不可用：跳过 PostgreSQL 部分（${how}）` };
}

const { chromium } = ensureSystemDeps();
const pg = planPostgres();
if (pg.mode === 'skip') console.log(`\n${pg.line}`);

step('类型检查 (tsc)', [bin('typescript/bin/tsc'), '--noEmit', '-p', '.']);
step('未等待的 Promise 检查', [bin('tsx/dist/cli.mjs'), 'scripts/check/floating-promises.ts']);
if (engines.includes('sqlite')) step('单元测试 (vitest, SQLite)', [bin('vitest/vitest.mjs'), 'run']);
step('构建 (next build)', [bin('next/dist/bin/next'), 'build']);
if (engines.includes('sqlite')) {
  step('端到端测试 (Playwright + Chromium, SQLite)', [bin('@playwright/test/cli.js'), 'test'], { CHROMIUM_PATH: chromium });
}

if (pg.mode === 'server' || pg.mode === 'cluster') {
  let adminUrl = pg.url;
  if (pg.mode === 'cluster') {
    const clusterStarted = Date.now();
    console.log('\n=== 启动临时 PostgreSQL 集群 ===');
    const cluster = await setUp('启动临时 PostgreSQL 集群', () => startCluster());
    // Also on a failed step (process.exit) and on Ctrl-C: a cluster left running would hold its port
    // and folder until the machine restarts.
    process.on('exit', () => {
      try {
        cluster.stop();
      } catch (error) {
        console.error(`停止临时 PostgreSQL 集群失败（${cluster.dir}）：${error.message}`);
      }
    });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(128 + os.constants.signals[signal]));
    adminUrl = cluster.url;
    console.log(`--- ${cluster.url}（${cluster.dir}，${seconds(clusterStarted)} s）`);
  }
  // Each test file creates its own databases on this server (PT_PG_ADMIN_URL is where it connects to
  // create them); DATABASE_URL is set too so that code reading only it also runs on PostgreSQL.
  const pgEnv = { DATABASE_URL: adminUrl, PT_PG_ADMIN_URL: adminUrl };
  step('单元测试 (vitest, PostgreSQL)', [bin('vitest/vitest.mjs'), 'run'], pgEnv);

  // A shared server may serve several runs at once: the e2e database is named for this process.
  const e2eName = pg.mode === 'cluster' ? 'pt_e2e' : `pt_e2e_${process.pid}`;
  const e2eUrl = await setUp(`建立端到端测试数据库 ${e2eName} `, () => createDatabase(adminUrl, e2eName));
  if (pg.mode === 'server') {
    process.on('exit', () => {
      try {
        dropDatabase(adminUrl, e2eName);
      } catch (error) {
        console.error(`删除端到端测试数据库 ${e2eName} 失败：${error.message}`);
      }
    });
  }
  step('端到端冒烟测试 (Playwright + Chromium, PostgreSQL, @pg)', [bin('@playwright/test/cli.js'), 'test', '--grep', '@pg'], {
    DATABASE_URL: e2eUrl,
    PT_PG_ADMIN_URL: adminUrl,
    CHROMIUM_PATH: chromium,
  });
}

const tested = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const ran = engines.filter((e) => e !== 'postgres' || pg.mode !== 'skip').map((e) => tested[e]);
console.log(`\n全部测试通过（${ran.join(' + ')}，共 ${seconds(started)} s）。`);
if (pg.mode === 'skip') console.log(pg.line);
