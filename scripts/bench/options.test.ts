import { describe, expect, it } from 'vitest';
import { benchOptions } from './options';

describe('benchOptions', () => {
  it('runs SQLite alone by default, as before', () => {
    expect(benchOptions(['--quick'], {})).toEqual({ quick: true, jsonFile: undefined, engines: ['sqlite'], databaseUrl: null, sqliteJson: undefined, isBuildSkipped: false });
  });

  it('runs SQLite too for PostgreSQL, so the ratio has both sides, unless an earlier SQLite run is given', () => {
    expect(benchOptions(['--engine', 'postgres'], {}).engines).toEqual(['sqlite', 'postgres']);
    expect(benchOptions(['--engine', 'both'], {}).engines).toEqual(['sqlite', 'postgres']);
    const reused = benchOptions(['--engine', 'postgres', '--sqlite-json', 'lite.json'], {});
    expect(reused.engines).toEqual(['postgres']);
    expect(reused.sqliteJson).toBe('lite.json');
  });

  it('takes the server from --database-url, else PT_TEST_DATABASE_URL, else DATABASE_URL (which alone means PostgreSQL)', () => {
    const env = { PT_TEST_DATABASE_URL: 'postgres://t@h/db', DATABASE_URL: 'postgres://d@h/db' };
    expect(benchOptions(['--engine', 'postgres', '--database-url', 'postgres://a@h/db'], env).databaseUrl).toBe('postgres://a@h/db');
    expect(benchOptions(['--engine', 'postgres'], env).databaseUrl).toBe('postgres://t@h/db');
    expect(benchOptions([], { DATABASE_URL: 'postgres://d@h/db' })).toMatchObject({ engines: ['sqlite', 'postgres'], databaseUrl: 'postgres://d@h/db' });
    expect(benchOptions(['--engine', 'sqlite'], env).databaseUrl).toBeNull();
  });

  it('refuses an unknown engine, a URL that is not PostgreSQL and a flag without its value', () => {
    expect(() => benchOptions(['--engine', 'mysql'], {})).toThrow('--engine');
    expect(() => benchOptions(['--engine', 'postgres', '--database-url', 'mysql://h/db'], {})).toThrow('postgres://');
    expect(() => benchOptions(['--json'], {})).toThrow('--json');
  });
});
