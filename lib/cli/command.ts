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
};

/** Reads `--name value` and `--flag` options; positional arguments are returned in order. */
export function parseArgs(args: string[]): { positional: string[]; options: Map<string, string | true> } {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) {
        options.set(a.slice(2, eq), a.slice(eq + 1));
      } else {
        const next = args[i + 1];
        // A flag followed by another option (`--all -o FILE`) takes no value.
        if (next !== undefined && !next.startsWith('-')) {
          options.set(a.slice(2), next);
          i++;
        } else {
          options.set(a.slice(2), true);
        }
      }
    } else if (a === '-o' && args[i + 1] !== undefined) {
      options.set('out', args[++i]!);
    } else {
      positional.push(a);
    }
  }
  return { positional, options };
}

export async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
