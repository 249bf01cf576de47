// POST to a model server (embeddings, chat completions) with a time limit per attempt and retries
// with backoff on 408/429/5xx: the one HTTP client of the servers Dossier calls.
import { setTimeout as sleep } from 'node:timers/promises';
import { networkFailure } from './errors.js';

export interface PostOptions {
  apiKey?: string;
  /** The time limit of one attempt, body included while the caller reads it within the signal. */
  timeoutMs: number;
  retries: number;
  /** Aborts every attempt and the waits between them (an overall deadline). */
  signal?: AbortSignal;
}

/** Why no usable answer came: the last problem seen, in words for a log or a UserError. */
export class PostFailure extends Error {
  override readonly name = 'PostFailure';
}

const RETRIABLE = new Set([408, 429, 500, 502, 503, 504]);

/**
 * The server's response (any status that is not worth retrying, 4xx included: the caller reads it),
 * or a PostFailure once the retries are spent, nothing listens, or the time is up.
 */
export async function postJson(url: string, body: unknown, options: PostOptions): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  const payload = JSON.stringify(body);
  let lastProblem = '';
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    let res: Response;
    try {
      res = await fetch(url, { method: 'POST', headers, body: payload, signal });
    } catch (error) {
      if (options.signal?.aborted) throw new PostFailure('stopped before an answer came', { cause: error });
      lastProblem = timeout.aborted ? `no answer within ${options.timeoutMs / 1000} s` : (networkFailure(error) ?? (error as Error).message);
      // Nothing listening, or no answer: one more try, not the full series meant for a busy server.
      if (attempt >= 1) break;
      await backoff(attempt, null, options.signal);
      continue;
    }
    if (RETRIABLE.has(res.status) && attempt < options.retries) {
      lastProblem = `HTTP ${res.status}`;
      await res.body?.cancel();
      await backoff(attempt, res.headers.get('retry-after'), options.signal);
      continue;
    }
    if (RETRIABLE.has(res.status)) {
      await res.body?.cancel();
      throw new PostFailure(`HTTP ${res.status}`);
    }
    return res;
  }
  throw new PostFailure(lastProblem);
}

// Exponential backoff from a quarter second, or what the server's Retry-After asks (capped).
async function backoff(attempt: number, retryAfter: string | null, signal?: AbortSignal): Promise<void> {
  const asked = Number(retryAfter);
  const ms = Number.isFinite(asked) && asked > 0 ? Math.min(asked * 1000, 10_000) : 250 * 2 ** attempt;
  try {
    await sleep(ms, undefined, { signal });
  } catch (error) {
    throw new PostFailure('stopped before an answer came', { cause: error });
  }
}
