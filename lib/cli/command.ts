/** The shape of one `npm run pt -- <command>` entry point. */
export type CommandIO = {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
};

export type Command = {
  name: string;
  /** One line for `pt help`, e.g. `parse FILE  读取公开文本，输出交换 JSON`. */
  usage: string;
  /** Returns the process exit code. Errors for the user go to io.stderr in Chinese, no stack traces. */
  run: (args: string[], io: CommandIO) => Promise<number>;
  /**
   * The command may open the database (it calls ensureBaseData or ready() first); the process closes it
   * when the command ends, or PostgreSQL's pooled connections would keep it running.
   */
  usesDatabase?: boolean;
};

/** A mistake in how a command was called: main prints it with the command's usage, exit code 2. */
export class UsageError extends Error {}

/** What a command accepts: options that take a value, flags, and at most this many positional arguments. */
export type ArgSpec = { values?: readonly string[]; flags?: readonly string[]; positional?: number };

export type Args = { positional: string[]; options: Map<string, string | true> };

/**
 * Reads `--name value`, `--name=value` and `--flag` (and `-o FILE` for `--out`) as `spec` allows. An
 * unknown option, a missing value, a value given to a flag, an option given twice or a positional
 * argument too many is a UsageError naming it: a typo is never silently ignored.
 */
export function parseArgs(args: readonly string[], spec: ArgSpec = {}): Args {
  const values = new Set(spec.values ?? []);
  const flags = new Set(spec.flags ?? []);
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a === '-o' ? 'out' : a.startsWith('--') ? a.slice(2, eq > 0 ? eq : undefined) : '';
    const shown = a === '-o' ? '-o' : `--${name}`;
    const inline = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : undefined;
    if (options.has(name)) throw new UsageError(`${shown} 重复给出`);
    if (values.has(name)) {
      const value = inline ?? args[i + 1];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('-') && value !== '-')) throw new UsageError(`${shown} 缺少值`);
      if (inline === undefined) i++;
      options.set(name, value);
    } else if (flags.has(name) && inline === undefined) {
      options.set(name, true);
    } else if (flags.has(name)) {
      throw new UsageError(`${shown} 不带值`);
    } else {
      throw new UsageError(`未知选项：${a.split('=')[0]}`);
    }
  }
  const max = spec.positional ?? 0;
  if (positional.length > max) throw new UsageError(`多余的参数：${positional.slice(max).join(' ')}`);
  return { positional, options };
}

/** Runs a command; a UsageError becomes its message and the command's usage on stderr, exit code 2. */
export async function runCommand(command: Command, args: readonly string[], io: CommandIO): Promise<number> {
  try {
    return await command.run([...args], io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${error.message}\n用法：npm run pt -- ${command.usage.replace(/\s{2,}.*$/, '')}\n`);
    return 2;
  }
}

/** The value of an option that takes one (parseArgs never stores `true` for those). */
export function valueOf(args: Args, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** `--year`, when given: a budget year from 2000 to 2100, else a UsageError saying what was given. */
export function yearOf(args: Args): number | undefined {
  const text = valueOf(args, 'year');
  if (text === undefined) return undefined;
  const year = Number(text);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`--year 应为 2000–2100 之间的年份，而不是“${text}”`);
  return year;
}

export async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
