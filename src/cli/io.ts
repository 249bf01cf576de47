import type { ArgsDef } from 'citty';
import type { Config } from '../config.js';
import { UserError } from '../errors.js';

/** Where a CLI run writes and what it runs with: process streams in production, buffers in tests. */
export interface CliContext {
  out: (text: string) => void;
  err: (text: string) => void;
  config: Config;
  /** What the run exits with when it ends without an error (a failed --check sets 1). */
  exitCode: number;
}

/** citty accepts any option; a typo must not be silently ignored, so unknown ones are refused. */
export function rejectUnknownOptions(rawArgs: readonly string[], args: ArgsDef): void {
  const known = new Set<string>(['help', 'h']);
  for (const [name, def] of Object.entries(args)) {
    known.add(name);
    for (const alias of ['alias' in def ? (def.alias ?? []) : []].flat()) known.add(alias);
    if (def.type === 'boolean') known.add(`no-${name}`);
  }
  for (const arg of rawArgs) {
    if (arg === '--') break;
    const name = /^--?([^=]+)/.exec(arg)?.[1];
    if (name && !/^-\d/.test(arg) && !known.has(name)) {
      throw new UserError('bad-usage', `Unknown option ${arg.split('=')[0]}. Run with --help to see the options.`);
    }
  }
}
