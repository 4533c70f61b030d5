/** `npm run pt -- <command>`: the command line of the app. */
import { runCommand, type Command } from './command';
import { commands } from './registry';

function help(): string {
  return [
    '用法：npm run pt -- <命令> [参数]',
    '',
    '命令：',
    ...commands.map((c) => `  ${c.usage}`),
    '',
    '数据库：设置环境变量 DATABASE_URL（postgres://…）时使用 PostgreSQL（两者都设置时以它为准）；',
    '否则使用 DATABASE_PATH 指定的 SQLite 文件，默认 data/app.db。',
  ].join('\n');
}

// `pt parse FILE | head`: the reader went away; that is the end of the output, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${help()}\n`);
    return 0;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`未知命令：${name}\n\n${help()}\n`);
    return 2;
  }
  try {
    return await runCommand(command, args, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`命令 ${name} 失败：${message}\n`);
    if (process.env.PT_DEBUG) console.error(error);
    return 1;
  } finally {
    // Loaded only by the commands that use it: `pt parse` stays free of the database modules.
    if (command.usesDatabase) await (await import('@/db/client')).closeDatabase();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);
