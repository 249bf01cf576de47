import { pathToFileURL } from 'node:url';
import { defineCommand, runCommand, showUsage, type CommandDef } from 'citty';
import { loadConfig } from '../config.js';
import { isUserError } from '../errors.js';
import { addCommand } from './commands/add.js';
import { askCommand } from './commands/ask.js';
import { evalCommand } from './commands/eval.js';
import { indexCommand } from './commands/index.js';
import { timelineCommand } from './commands/timeline.js';
import type { CliContext } from './io.js';

export interface CliIO {
  out?: (text: string) => void;
  err?: (text: string) => void;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * Runs the CLI on `rawArgs` and resolves to the exit code; the seam tests drive. A UserError is
 * one clear line on stderr (exit 2); anything else is a fault, reported with its stack (exit 1).
 */
export async function runCli(rawArgs: string[], io: CliIO = {}): Promise<number> {
  const err = io.err ?? ((text: string) => process.stderr.write(`${text}\n`));
  const out = io.out ?? ((text: string) => process.stdout.write(`${text}\n`));
  try {
    const config = loadConfig(io.env ?? process.env, io.cwd ?? process.cwd());
    const ctx: CliContext = { out, err, config, exitCode: 0 };
    const main = defineCommand({
      meta: { name: 'dossier', description: 'Answers questions over a corpus of news articles, with citations.' },
      subCommands: { index: indexCommand(ctx), ask: askCommand(ctx), timeline: timelineCommand(ctx), eval: evalCommand(ctx), add: addCommand(ctx) },
    }) as CommandDef;
    if (!rawArgs.length || rawArgs[0] === '--help' || rawArgs[0] === '-h') {
      await showUsage(main);
      return rawArgs.length ? 0 : 2;
    }
    const sub = main.subCommands as Record<string, CommandDef>;
    if (sub[rawArgs[0]!] && rawArgs.slice(1).some((a) => a === '--help' || a === '-h')) {
      await showUsage(sub[rawArgs[0]!]!, main);
      return 0;
    }
    await runCommand(main, { rawArgs });
    return ctx.exitCode;
  } catch (error) {
    if (isUserError(error)) {
      err(`Error: ${error.message}`);
      return 2;
    }
    if ((error as { code?: string }).code === 'E_UNKNOWN_COMMAND' || (error as Error).name === 'CLIError') {
      err(`Error: ${(error as Error).message}. Commands: index, ask, timeline, eval, add.`);
      return 2;
    }
    err(`Internal error: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runCli(process.argv.slice(2));
}
