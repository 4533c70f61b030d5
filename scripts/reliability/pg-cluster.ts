/**
 * The PostgreSQL server the reliability suite runs on: a throwaway cluster (scripts/pg/cluster.mjs),
 * started once and stopped at the end, or the server of PT_TEST_DATABASE_URL for the parts that need
 * no restart. Each part gets a fresh database. The restart part needs a cluster of our own, because
 * it stops and starts the server.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type Cluster = { url: string; port: number; dir: string; bin: string; stop: () => void };
type ClusterModule = {
  findPostgres(): string | null;
  startCluster(opts?: { dir?: string; port?: number }): Promise<Cluster>;
  createDatabase(url: string, name: string): string;
  dropDatabase(url: string, name: string): void;
};

let loaded: ClusterModule | null = null;
/** cluster.mjs is plain JavaScript without declarations (it runs before `npm ci`): typed here. */
async function clusterModule(): Promise<ClusterModule> {
  loaded ??= (await import(pathToFileURL(path.join(process.cwd(), 'scripts/pg/cluster.mjs')).href)) as ClusterModule;
  return loaded;
}

export type PgServers = {
  /** A fresh empty database for a part that needs no restart; `where` says which server it is on. */
  database(name: string): Promise<string>;
  /** A fresh database on a cluster this suite owns, which `stopAndStart` may stop. */
  restartableDatabase(name: string): Promise<{ url: string; cluster: Cluster }>;
  where: string;
  stop(): Promise<void>;
};

export async function pgServers(): Promise<PgServers> {
  const m = await clusterModule();
  const shared = process.env.PT_TEST_DATABASE_URL?.trim() || null;
  let own: Cluster | null = null;
  const ownCluster = async () => {
    if (!m.findPostgres()) throw new Error('找不到 PostgreSQL 服务器程序（/usr/lib/postgresql/<版本>/bin）：Debian 上请执行 sudo apt-get install -y postgresql；重启测试需要自己启停一个临时集群');
    own ??= await m.startCluster();
    return own;
  };
  const made: { url: string; name: string }[] = [];
  const create = (server: string, name: string) => {
    made.push({ url: server, name });
    return m.createDatabase(server, name);
  };
  return {
    async database(name) {
      return create(shared ?? (await ownCluster()).url, name);
    },
    async restartableDatabase(name) {
      const cluster = await ownCluster();
      return { url: create(cluster.url, name), cluster };
    },
    get where() {
      return shared ? 'PT_TEST_DATABASE_URL 指定的服务器' : '临时集群';
    },
    async stop() {
      // Our cluster goes with its databases; on a shared server we drop only what we made.
      if (shared) for (const d of made.filter((x) => x.url === shared)) {
        try {
          m.dropDatabase(d.url, d.name);
        } catch {
          // a leftover test database is harmless; the next run replaces it
        }
      }
      own?.stop();
      own = null;
    },
  };
}

function runTool(bin: string, tool: string, args: string[]): Promise<void> {
  const file = path.join(bin, tool);
  // As cluster.mjs does: the server refuses to run as root, so as root it runs as `postgres`.
  const [cmd, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  return new Promise((resolve, reject) => {
    // Asynchronous, unlike cluster.mjs: the writers of the storm must keep running meanwhile.
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} ${args.join(' ')} 失败（退出码 ${code}）：${output.trim()}`))));
  });
}

/**
 * Stops the cluster with `pg_ctl stop -m fast` (every session is ended, as in a failover or a
 * restart by the operator), leaves it down for `downMs`, and starts it again with the options
 * cluster.mjs started it with. The marks are the moments, for telling replies apart.
 */
export async function stopAndStart(cluster: Cluster, downMs: number, marks: { onStopping: () => void; onStarting: () => void }): Promise<void> {
  const data = path.join(cluster.dir, 'data');
  marks.onStopping();
  await runTool(cluster.bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  await new Promise((r) => setTimeout(r, downMs));
  marks.onStarting();
  const options = `-p ${cluster.port} -k '${cluster.dir}' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  await runTool(cluster.bin, 'pg_ctl', ['-D', data, '-o', options, '-l', path.join(cluster.dir, 'log'), '-w', '-t', '60', 'start']);
}
