// `npm start`: build when there is no build (or the sources are newer), then serve through
// scripts/server.mjs. Migration, demo data and the demo logins happen in instrumentation.ts when the
// server starts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const root = path.resolve(import.meta.dirname, '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const buildId = path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = ['app', 'lib', 'db', 'proxy.ts', 'instrumentation.ts', 'next.config.js', 'package-lock.json'];
  return sources.some((s) => {
    const p = path.join(root, s);
    if (!fs.existsSync(p)) return false;
    return (fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs) > built;
  });
}

if (needsBuild()) {
  console.log('正在构建应用（首次启动约需 1 分钟）…');
  const r = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (process.argv.includes('--build-only')) process.exit(0);

const { serve } = await import('./server.mjs');
try {
  await serve();
} catch (error) {
  console.error('无法启动服务：', error instanceof Error ? error.message : error);
  process.exit(1);
}
