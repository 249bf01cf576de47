import { randomBytes } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * The bot's log: JSON lines in a file, errors also on stderr. A failure gets a short reference id
 * that the user is shown instead of the error, so an operator can find the cause.
 */
export class BotLog {
  constructor(private readonly file: string) {}

  info(message: string, details: Record<string, unknown> = {}): void {
    void this.write({ level: 'info', message, ...details });
  }

  warn(message: string, details: Record<string, unknown> = {}): void {
    console.warn(`Warning: ${message}`);
    void this.write({ level: 'warn', message, ...details });
  }

  /** Logs the error with a new reference id and returns the id. */
  failure(context: string, error: unknown, details: Record<string, unknown> = {}): string {
    const reference = randomBytes(4).toString('hex');
    const err = error as Error;
    console.error(`[${reference}] ${context}: ${err?.stack ?? String(error)}`);
    void this.write({ level: 'error', reference, context, error: err?.message ?? String(error), stack: err?.stack, ...details });
    return reference;
  }

  private async write(entry: Record<string, unknown>): Promise<void> {
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      await appendFile(this.file, `${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
    } catch (error) {
      console.error(`Cannot write the log ${this.file}: ${(error as Error).message}`);
    }
  }
}
