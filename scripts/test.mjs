// `npm test`: type-check, unit tests, build, end-to-end tests in Chromium. Stops at the first failure.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureSystemDeps } from './system-deps.mjs';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const root = path.resolve(import.meta.dirname, '..');
const bin = (p) => path.join(root, 'node_modules', ...p.split('/'));

function step(title, args, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n${title} 失败（退出码 ${r.status}）`);
    process.exit(r.status ?? 1);
  }
  console.log(`--- ${title} 通过（${((Date.now() - started) / 1000).toFixed(1)} s）`);
}

const { chromium } = ensureSystemDeps();
step('类型检查 (tsc)', [bin('typescript/bin/tsc'), '--noEmit', '-p', '.']);
step('单元测试 (vitest)', [bin('vitest/vitest.mjs'), 'run']);
step('构建 (next build)', [bin('next/dist/bin/next'), 'build']);
step('端到端测试 (Playwright + Chromium)', [bin('@playwright/test/cli.js'), 'test'], { CHROMIUM_PATH: chromium });
console.log('\n全部测试通过。');
