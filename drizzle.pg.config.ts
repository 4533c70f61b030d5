import { defineConfig } from 'drizzle-kit';

/** PostgreSQL: `npm run db:generate` runs drizzle-kit with this config and with drizzle.config.ts (SQLite). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/pg/index.ts',
  out: './db/migrations-pg',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/pt' },
});
