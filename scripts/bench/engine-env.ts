/**
 * The first import of main.ts, evaluated before any db module loads. `DATABASE_URL=postgres://… npm run
 * bench` names the PostgreSQL server to measure (and makes PostgreSQL the default engine); the servers of
 * the PostgreSQL pass get it explicitly. This process's own steps (in-process exports, parsing, the SQLite
 * pass) run on SQLite files, and the db layer picks its schema from DATABASE_URL when it loads — so the
 * variable is moved aside here, where benchOptions still finds it.
 */
export const BENCH_DATABASE_URL = process.env.DATABASE_URL?.trim() || undefined;
delete process.env.DATABASE_URL;
