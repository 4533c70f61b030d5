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
    // Our server (scripts/server.mjs, lib/http/action-body.mjs) refuses action bodies over 8 MB with a
    // clear Chinese message before Next reads them. Should a request reach Next without that check,
    // this limit still lets a 10 MB Chinese text field (about 30 MB of UTF-8) reach our schema's
    // message instead of Next's own error (a 500).
    serverActions: { bodySizeLimit: '40mb' },
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
