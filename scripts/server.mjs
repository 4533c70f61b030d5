// Serves the built app (`next build`) with Node's own http server in front of Next, so that the app
// learns the client's address from the socket (or from our trusted proxies, TRUST_PROXY=N) instead of
// from headers any client can send. `next start` would pass a client's X-Forwarded-For through.
//
// Environment: PORT (3000), HOST (all interfaces), TRUST_PROXY (0), NEXT_DIST_DIR (.next), and
// TLS_CERT_FILE + TLS_KEY_FILE to serve https directly.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkedActionRequest } from '../lib/http/action-body.mjs';
import { clientFacts, rewriteHeaders, transportHeaders, trustedProxyCount } from './client-address.mjs';

const root = path.resolve(import.meta.dirname, '..');

function tlsOptions() {
  const cert = process.env.TLS_CERT_FILE;
  const key = process.env.TLS_KEY_FILE;
  return cert && key ? { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } : null;
}

/** Starts the server; resolves once it listens. */
export async function serve({ port = Number(process.env.PORT ?? 3000), host = process.env.HOST || undefined } = {}) {
  process.env.NODE_ENV = 'production';
  process.env.NEXT_TELEMETRY_DISABLED ??= '1';
  // Tells lib/auth/request.ts that the private headers below come from this server, not a client.
  process.env.PT_CLIENT_HEADERS = '1';
  const trustProxy = trustedProxyCount(process.env.TRUST_PROXY);
  const { default: next } = await import('next');
  const app = next({ dir: root, dev: false, hostname: host ?? 'localhost', port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const onRequest = async (req, res) => {
    const facts = clientFacts(
      {
        socketAddress: req.socket.remoteAddress,
        isTls: Boolean(req.socket.encrypted),
        forwardedFor: req.headers['x-forwarded-for'],
        forwardedProto: req.headers['x-forwarded-proto'],
      },
      trustProxy,
    );
    rewriteHeaders(req.headers, facts, trustProxy);
    for (const [name, value] of Object.entries(transportHeaders(facts))) res.setHeader(name, value);
    // A server-action body Next could not decode (it would answer 500) is refused here, in Chinese.
    const checked = await checkedActionRequest(req, res);
    if (!checked) return;
    handle(checked, res).catch((error) => {
      console.error('[server]', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('服务器处理出错');
    });
  };
  const tls = tlsOptions();
  const server = tls ? https.createServer(tls, onRequest) : http.createServer(onRequest);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const listening = server.address();
  const actualPort = typeof listening === 'object' && listening ? listening.port : port;
  const shown = host && host !== '0.0.0.0' && host !== '::' ? (host.includes(':') ? `[${host}]` : host) : 'localhost';
  // Next fetches the target of a server action's redirect from this origin, as `next start` sets it;
  // without it Next would build the URL from the request's Host and X-Forwarded-Proto headers.
  process.env.__NEXT_PRIVATE_ORIGIN = `${tls ? 'https' : 'http'}://${shown}:${actualPort}`;
  console.log(`启动服务：${tls ? 'https' : 'http'}://${shown}:${actualPort}${trustProxy ? `（信任 ${trustProxy} 层代理的 X-Forwarded-For）` : ''}`);
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.once(sig, () => {
      server.close(() => process.exit(0));
      // Keep-alive connections would hold close() open; do not wait for them for long.
      setTimeout(() => process.exit(0), 3_000).unref();
    });
  }
  return server;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  serve().catch((error) => {
    console.error('无法启动服务：', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
