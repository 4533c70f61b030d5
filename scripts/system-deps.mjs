// Finds (or, as root with apt, installs) what the tests need from the system: Chromium for Playwright,
// poppler-utils' pdftotext for the PDF export tests, a CJK font so that screenshots taken in Chromium
// show Chinese text rather than empty boxes, and PostgreSQL's server binaries for the second engine.
// Prints a clear message when it cannot.
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { findPostgres } from './pg/cluster.mjs';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

export function findChromium() {
  if (process.env.CHROMIUM_PATH && fs.existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  return CHROMIUM_CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

function canApt() {
  return process.getuid?.() === 0 && which('apt-get') !== null;
}

/** fontconfig knows a font that covers Chinese (fc-list comes with Chromium's dependencies). */
function hasCjkFont() {
  if (!which('fc-list')) return false;
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}

export function ensureSystemDeps() {
  const missing = [];
  if (!findChromium()) missing.push('chromium');
  if (!which('pdftotext')) missing.push('poppler-utils');
  if (!hasCjkFont()) missing.push('fonts-noto-cjk');
  if (missing.length === 0) return { chromium: findChromium() };
  if (!canApt()) {
    console.error(
      [
        `缺少测试所需的系统软件：${missing.join('、')}。`,
        `Debian/Ubuntu 上请执行：sudo apt-get install -y ${missing.join(' ')}`,
        '或者设置 CHROMIUM_PATH 指向已安装的 Chromium/Chrome 可执行文件。',
      ].join('\n'),
    );
    process.exit(1);
  }
  console.log(`正在安装 ${missing.join(' ')}（apt-get）…`);
  execSync('apt-get update -qq', { stdio: 'inherit' });
  execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`, { stdio: 'inherit' });
  return { chromium: findChromium() };
}

/**
 * PostgreSQL's server binaries (Debian's `postgresql`), installed with apt when we are root and they
 * are missing. Returns the bin folder, or null and how to get one; the caller decides whether a
 * missing PostgreSQL is a failure (CI) or a printed skip (a developer's machine).
 */
export function ensurePostgres() {
  const found = findPostgres();
  if (found) return { bin: found, hint: null };
  if (!canApt()) {
    return { bin: null, hint: 'Debian/Ubuntu 上请执行 sudo apt-get install -y postgresql' };
  }
  console.log('正在安装 postgresql（apt-get）…');
  execSync('apt-get update -qq', { stdio: 'inherit' });
  execSync('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql', { stdio: 'inherit' });
  const bin = findPostgres();
  return bin ? { bin, hint: null } : { bin: null, hint: 'apt-get 装好 postgresql 之后仍找不到 /usr/lib/postgresql/<版本>/bin/initdb' };
}
