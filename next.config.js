// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // A separate build folder lets a second build (a test run beside a running server) not clash.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // pdfkit reads its font metrics from its own package folder at run time, so it must not be bundled.
  serverExternalPackages: ['pdfkit', 'exceljs', 'better-sqlite3'],
  experimental: {
    // Large enough that oversize input (10 MB of Chinese text is about 30 MB of UTF-8) reaches our
    // schemas and gets their clear Chinese message; Next refuses larger bodies itself, before any of our
    // code runs. A valid table is at most a few MB (lib/domain/limits.ts); the memory a refused 30 MB
    // body costs is measured in docs/performance.md.
    serverActions: { bodySizeLimit: '40mb' },
    // The proxy reads server-action bodies to refuse those Next cannot decode (lib/http/action-request.ts);
    // it must see them whole, up to the same limit (over it, its copy of the body would be cut short).
    proxyClientMaxBodySize: '40mb',
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
