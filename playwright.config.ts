import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// Evaluated in the runner and again in every worker: compute the port and database once.
if (!process.env.E2E_PORT) {
  process.env.E2E_PORT = execFileSync(process.execPath, [
    '-e',
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
  ])
    .toString()
    .trim();
}
if (!process.env.E2E_DIR) {
  process.env.E2E_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-e2e-'));
}
const port = Number(process.env.E2E_PORT);
// DATABASE_URL (set by scripts/test.mjs to a fresh database it created) runs the server on PostgreSQL;
// without it the server gets a throwaway SQLite file, as before.
const database: Record<string, string> = process.env.DATABASE_URL
  ? { DATABASE_URL: process.env.DATABASE_URL }
  : { DATABASE_PATH: path.join(process.env.E2E_DIR, 'e2e.db') };
const baseURL = `http://127.0.0.1:${port}`;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  workers: 1,
  fullyParallel: false,
  reporter: process.env.CI ? [['list']] : [['list']],
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'off',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  // The same server `npm start` runs (scripts/server.mjs), so e2e exercises how the client's address
  // and protocol are decided. No proxy in front: TRUST_PROXY stays 0, as in a default install.
  webServer: {
    command: 'node --max-old-space-size=256 scripts/server.mjs',
    url: `${baseURL}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      ...database,
      NEXT_TELEMETRY_DISABLED: '1',
      // The specs sign in with the printed demo passwords (e2e/fixtures/accounts.ts).
      DEMO_DATA: 'trial',
      PORT: String(port),
      HOST: '127.0.0.1',
      // e2e drives many sign-ins from one address
      LOGIN_MAX_FAILURES_PER_IP: '1000',
      // and signs the demo accounts in many times, while their stored sessions (global-setup) must stay valid
      SESSION_MAX_PER_USER: '1000',
      TRUST_PROXY: '0',
    },
  },
});
