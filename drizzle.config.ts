import { defineConfig } from 'drizzle-kit';

/** SQLite, the embedded default. PostgreSQL has its own config: drizzle.pg.config.ts. */
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/sqlite/index.ts',
  out: './db/migrations',
  dbCredentials: { url: process.env.DATABASE_PATH ?? 'data/app.db' },
});
