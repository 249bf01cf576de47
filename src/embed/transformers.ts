// The one place that imports transformers.js.
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import type { Embedder } from './embedder.js';

export interface TransformersOptions {
  modelId: string;
  /** Holds local models (`<dir>/<org>/<name>/`) and the download cache. */
  modelDir: string;
  allowRemote: boolean;
  queryPrefix: string;
  passagePrefix: string;
}

const BATCH_SIZE = 16;

/** A sentence-embedding model run locally by transformers.js: q8 weights, mean pooling, normalised. */
export class TransformersEmbedder implements Embedder {
  readonly backend = 'transformers';
  private constructor(
    private readonly extract: FeatureExtractionPipeline,
    private readonly options: TransformersOptions,
    readonly dimensions: number,
  ) {}

  get modelId(): string {
    return this.options.modelId;
  }

  static async load(options: TransformersOptions): Promise<TransformersEmbedder> {
    env.localModelPath = options.modelDir;
    env.cacheDir = options.modelDir;
    env.allowLocalModels = true;
    env.allowRemoteModels = options.allowRemote;
    const extract = await pipeline('feature-extraction', options.modelId, { dtype: 'q8' });
    const probe = await extract('probe', { pooling: 'mean', normalize: true });
    return new TransformersEmbedder(extract, options, probe.dims.at(-1) ?? 0);
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.run([this.options.queryPrefix + text]);
    return vector!;
  }

  async embedPassages(texts: readonly string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let i = 0; i < texts.length; i += BATCH_SIZE) {
      vectors.push(...(await this.run(texts.slice(i, i + BATCH_SIZE).map((t) => this.options.passagePrefix + t))));
    }
    return vectors;
  }

  private async run(texts: string[]): Promise<number[][]> {
    const output = await this.extract(texts, { pooling: 'mean', normalize: true });
    return output.tolist() as number[][];
  }
}
