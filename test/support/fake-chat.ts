// A scripted OpenAI-compatible chat completions server on 127.0.0.1: each test sets how it replies.
// Replies are streamed as server-sent events in small pieces, as llama.cpp's server and Ollama do.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
  url: string;
  authorization?: string;
  body: { model: string; stream: boolean; messages: { role: string; content: string }[] };
}

export class FakeChat {
  /** How the next requests are answered; `call` counts from 1. */
  behaviour: (res: ServerResponse, call: number) => void = (res) => res.writeHead(503).end();
  requests: ChatRequest[] = [];

  private constructor(
    private readonly server: Server,
    /** Base URL with /v1, as DOSSIER_LLM_URL takes it. */
    readonly url: string,
  ) {}

  static async start(): Promise<FakeChat> {
    let fake: FakeChat | undefined;
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        fake!.requests.push({ url: req.url ?? '', authorization: req.headers.authorization, body: JSON.parse(raw) as ChatRequest['body'] });
        fake!.behaviour(res, fake!.requests.length);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeChat(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`);
    return fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** Streams `text` as chat completion chunks of a few characters, `pieceDelayMs` apart. */
export function stream(res: ServerResponse, text: string, pieceDelayMs = 0): void {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const pieces = text.match(/[\s\S]{1,7}/gu) ?? [];
  const send = (i: number) => {
    if (res.destroyed) return;
    if (i === pieces.length) {
      res.end('data: [DONE]\n\n');
      return;
    }
    res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: pieces[i] } }] })}\n\n`);
    if (pieceDelayMs) setTimeout(() => send(i + 1), pieceDelayMs);
    else send(i + 1);
  };
  send(0);
}
