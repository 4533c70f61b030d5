/**
 * The benchmark's command line. `--engine sqlite` (the default, unless DATABASE_URL is set) is the run
 * it always was; `--engine postgres` measures the same on PostgreSQL and compares with SQLite, which it
 * also runs unless `--sqlite-json FILE` gives an earlier SQLite run's `--json` output; `--engine both`
 * is the same as postgres without that shortcut.
 */
export type Engine = 'sqlite' | 'postgres';

export type BenchOptions = {
  quick: boolean;
  jsonFile: string | undefined;
  engines: Engine[];
  /** The PostgreSQL server to use (a fresh database is made on it), or null for a throwaway cluster. */
  databaseUrl: string | null;
  /** An earlier SQLite run (its --json file) to compare with instead of running SQLite again. */
  sqliteJson: string | undefined;
  /** Use the build in .next as it is (others may be using it; the sources may be mid-edit). */
  isBuildSkipped: boolean;
};

function value(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${name} 后面需要一个值`);
  return v;
}

export function benchOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): BenchOptions {
  const engineArg = value(argv, '--engine') ?? (env.DATABASE_URL ? 'postgres' : 'sqlite');
  if (!['sqlite', 'postgres', 'both'].includes(engineArg)) throw new Error(`--engine 只能是 sqlite、postgres 或 both：${engineArg}`);
  const sqliteJson = value(argv, '--sqlite-json');
  const engines: Engine[] = engineArg === 'sqlite' ? ['sqlite'] : engineArg === 'postgres' && sqliteJson ? ['postgres'] : ['sqlite', 'postgres'];
  const databaseUrl = value(argv, '--database-url') ?? (env.PT_TEST_DATABASE_URL?.trim() || env.DATABASE_URL?.trim() || null);
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error(`--database-url 应以 postgres:// 开头：${databaseUrl}`);
  return {
    quick: argv.includes('--quick'),
    jsonFile: value(argv, '--json'),
    engines,
    databaseUrl: engines.includes('postgres') ? databaseUrl : null,
    sqliteJson: engines.includes('postgres') ? sqliteJson : undefined,
    isBuildSkipped: argv.includes('--no-build'),
  };
}
