/** Starts and kills production servers of the built app on throwaway databases, for the scripts. */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { isPostgresTarget } from './db-reader';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export type Server = { base: string; port: number; child: ChildProcess; output: () => string };

/**
 * The V8 flags the production server runs with (`npm start` and the e2e server pass the same, see
 * server-args.test.ts). Without a heap limit V8 lets garbage pile up while memory is plentiful: under
 * a save load the server grew past 420 MB of RSS that a limit keeps under 300 MB (docs/performance.md).
 */
export const SERVER_NODE_ARGS = ['--max-old-space-size=256'];

/**
 * `databasePath`: a SQLite file (DATABASE_PATH), or a postgres:// URL (DATABASE_URL, which the app
 * prefers to DATABASE_PATH). An inherited DATABASE_URL would win over a file: the caller removes it.
 */
export async function startServer(opts: { databasePath: string; port?: number; env?: Record<string, string>; nodeArgs?: string[] }): Promise<Server> {
  const port = opts.port ?? (await freePort());
  const root = process.cwd();
  let output = '';
  // The server `npm start` runs (our Node server in front of Next), on the build in NEXT_DIST_DIR.
  const database = isPostgresTarget(opts.databasePath) ? { DATABASE_URL: opts.databasePath } : { DATABASE_PATH: opts.databasePath };
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', HOST: '127.0.0.1', PORT: String(port), ...database, LOGIN_MAX_FAILURES_PER_IP: '100000', DEMO_DATA: 'trial', SESSION_MAX_PER_USER: '100000', ...opts.env };
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? SERVER_NODE_ARGS), path.join(root, 'scripts/server.mjs')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${base}/login`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, port, child, output: () => output };
}

export async function stopServer(server: Server, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  server.child.kill(signal);
  await exited;
}

export function distDir(): string {
  return path.resolve(process.cwd(), process.env.NEXT_DIST_DIR || '.next');
}
