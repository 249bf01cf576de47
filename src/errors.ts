// What users may be shown when something cannot be done: a UserError with a code from a closed
// list, a safe message in English and French, and the cause kept for the log (never shown).
// Anything that is not a UserError is an internal fault: log it, show a reference instead.
import type { Language } from './text/analysis.js';

export type UserErrorCode =
  // the question
  | 'question-empty'
  | 'question-no-words'
  | 'question-too-long'
  | 'rate-limited'
  // what the user typed on the command line or in a command's options
  | 'bad-usage'
  | 'bad-filter'
  | 'bad-file'
  | 'config-invalid'
  // articles read from the corpus or sent to /add-article
  | 'article-invalid'
  | 'article-too-large'
  | 'article-duplicate'
  | 'article-unsupported-type'
  | 'upload-failed'
  // pages and feeds fetched from the web (/add-article url:, npm run add, DOSSIER_FEEDS)
  | 'url-invalid'
  | 'url-forbidden'
  | 'fetch-failed'
  | 'fetch-timeout'
  | 'fetch-too-large'
  | 'fetch-unsupported-type'
  | 'not-an-article'
  | 'feed-invalid'
  // the index and the corpus
  | 'corpus-missing'
  | 'index-busy'
  | 'index-read-only'
  | 'disk-full'
  | 'index-unreachable'
  // Discord set-up and commands
  | 'discord-token-missing'
  | 'discord-token-refused'
  | 'discord-unreachable'
  | 'discord-registration-refused'
  | 'discord-application-missing'
  | 'command-unavailable'
  | 'not-allowed'
  // embedding and other servers the engine calls
  | 'embeddings-unreachable';

export type SafeMessage = string | { en: string; fr: string };

export class UserError extends Error {
  override readonly name = 'UserError';
  private readonly messages: { en: string; fr?: string };

  constructor(
    readonly code: UserErrorCode,
    message: SafeMessage,
    options?: { cause?: unknown },
  ) {
    const messages = typeof message === 'string' ? { en: message } : message;
    super(messages.en, options);
    this.messages = messages;
  }

  /** The message in the reader's language; English where only English was written (operator messages). */
  messageIn(language: Language): string {
    return (language === 'fr' ? this.messages.fr : undefined) ?? this.messages.en;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

// Node's error codes for a peer out of reach; fetch puts them on its error's cause.
const NETWORK_FAILURES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** The network error code of a failed request (on the error or its cause), when it is one. */
export function networkFailure(error: unknown): string | undefined {
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  return code !== undefined && NETWORK_FAILURES.has(code) ? code : undefined;
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);

/** The error code of a write that failed for want of space (a full disk, a quota), when it is one. */
export function diskFull(error: unknown): string | undefined {
  const code = (error as { code?: string }).code;
  return code !== undefined && DISK_FULL.has(code) ? code : undefined;
}

const WRITE_DENIED = new Set(['EROFS', 'EACCES', 'EPERM']);

/** The error code of a write refused by the file system (read-only, no permission), when it is one. */
export function writeDenied(error: unknown): string | undefined {
  const code = (error as { code?: string }).code;
  return code !== undefined && WRITE_DENIED.has(code) ? code : undefined;
}
