/**
 * The heap limit is given in three places that must agree: `npm start`, the e2e server and the scripts'
 * servers (SERVER_NODE_ARGS). A bench run on a flag the product does not use would measure another server.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_ARGS } from './server';

describe('the server’s V8 flags', () => {
  it('are the same for npm start, the e2e server and the scripts', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe(`node ${SERVER_NODE_ARGS.join(' ')} scripts/start.mjs`);
    expect(fs.readFileSync('playwright.config.ts', 'utf8')).toContain(`command: 'node ${SERVER_NODE_ARGS.join(' ')} scripts/server.mjs'`);
  });
});
