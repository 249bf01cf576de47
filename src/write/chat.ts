// A chat model behind any server speaking OpenAI's `POST /v1/chat/completions` (Ollama,
// llama.cpp's server, vLLM, LM Studio, OpenAI), streamed: the text comes in pieces as it is
// written. The one chat client; retries and time limits are src/http.ts's.
import { z } from 'zod';
import { postJson, PostFailure } from '../http.js';

export interface ChatOptions {
  /** Base URL: `http://127.0.0.1:8080/v1` or `http://host:11434` (`/v1/chat/completions` is added when missing). */
  url: string;
  model: string;
  apiKey?: string;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export type ChatProblem = 'timeout' | 'http-error' | 'malformed';

/** Why the model's text could not be read: a kind to count, and details for the log. */
export class ChatFailure extends Error {
  override readonly name = 'ChatFailure';
  constructor(
    readonly kind: ChatProblem,
    message: string,
  ) {
    super(message);
  }
}

const streamChunk = z.object({ choices: z.array(z.object({ delta: z.object({ content: z.string().nullish() }).partial() })) });
const completion = z.object({ choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1) });

/**
 * Streams the model's reply, calling `onText` with each piece; resolves with the whole text. Stops
 * quietly when `stop` aborts (the caller has what it needs); fails with a ChatFailure on
 * `deadline`, HTTP errors, or a reply that is not a chat completion.
 */
export async function streamChat(
  options: ChatOptions,
  messages: ChatMessage[],
  params: { maxTokens: number; temperature: number; timeoutMs: number; deadline: AbortSignal; stop: AbortSignal; onText: (piece: string) => void },
): Promise<string> {
  const url = chatUrl(options.url);
  const signal = AbortSignal.any([params.deadline, params.stop]);
  const body = { model: options.model, messages, stream: true, max_tokens: params.maxTokens, temperature: params.temperature };
  let res: Response;
  try {
    res = await postJson(url, body, { apiKey: options.apiKey, timeoutMs: params.timeoutMs, retries: 1, signal });
  } catch (error) {
    if (params.deadline.aborted || (error instanceof PostFailure && /^no answer within/u.test(error.message))) throw new ChatFailure('timeout', `no reply from ${url} in time`);
    if (error instanceof PostFailure) throw new ChatFailure('http-error', `${url}: ${error.message}`);
    throw error;
  }
  if (!res.ok) throw new ChatFailure('http-error', `${url}: HTTP ${res.status}: ${(await res.text().catch(() => '')).slice(0, 200)}`);
  let text = '';
  try {
    if (!(res.headers.get('content-type') ?? '').includes('text/event-stream')) {
      // A server that ignores `stream` answers in one piece.
      const parsed = completion.safeParse(safeJson(await res.text()));
      if (!parsed.success) throw new ChatFailure('malformed', `${url} did not answer with a chat completion`);
      text = parsed.data.choices[0]!.message.content;
      params.onText(text);
      return text;
    }
    for await (const data of serverSentEvents(res.body!)) {
      if (data === '[DONE]') break;
      const parsed = streamChunk.safeParse(safeJson(data));
      if (!parsed.success) throw new ChatFailure('malformed', `${url} sent a stream event that is not a chat completion chunk: ${data.slice(0, 120)}`);
      const piece = parsed.data.choices[0]?.delta.content ?? '';
      if (!piece) continue;
      text += piece;
      params.onText(piece);
    }
  } catch (error) {
    if (error instanceof ChatFailure) throw error;
    if (params.stop.aborted) return text;
    if (params.deadline.aborted || (error as Error).name === 'TimeoutError') throw new ChatFailure('timeout', `the reply from ${url} was not finished in time`);
    throw new ChatFailure('http-error', `${url}: the reply broke off (${(error as Error).message})`);
  }
  return text;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// The `data:` payloads of a text/event-stream body, one per event.
async function* serverSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.search(/\r?\n\r?\n/u)) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/u, '');
      const data = event
        .split(/\r?\n/u)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (data) yield data;
    }
  }
}

function chatUrl(base: string): string {
  const trimmed = base.replace(/\/+$/u, '');
  if (trimmed.endsWith('/chat/completions')) return trimmed;
  return trimmed.endsWith('/v1') ? `${trimmed}/chat/completions` : `${trimmed}/v1/chat/completions`;
}
