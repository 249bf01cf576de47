import type { Config } from '../config.js';
import { networkFailure } from '../errors.js';
import type { Embedder } from './embedder.js';

export interface EmbedderChoice {
  embedder: Embedder | null;
  /** Why there is no model, in words fit for a user; set exactly when embedder is null. */
  unavailable?: string;
  /** The error of a configured model that could not be reached (an embeddings server that is down). */
  failure?: Error;
}

/** Loads the configured model, or explains why the engine has to run on keywords alone. */
export async function loadEmbedder(model: Config['model']): Promise<EmbedderChoice> {
  if (!model.enabled) return { embedder: null, unavailable: 'embeddings are turned off (DOSSIER_EMBEDDINGS=false)' };
  if (model.endpoint) {
    const { EndpointEmbedder } = await import('./endpoint.js');
    try {
      return { embedder: await EndpointEmbedder.connect({ ...model.endpoint, queryPrefix: model.queryPrefix, passagePrefix: model.passagePrefix }) };
    } catch (error) {
      return { embedder: null, unavailable: (error as Error).message.replace(/\.$/u, ''), failure: error as Error };
    }
  }
  try {
    // Imported lazily: keyword-only runs never pay for loading onnxruntime.
    const { TransformersEmbedder } = await import('./transformers.js');
    const embedder = await TransformersEmbedder.load({
      modelId: model.id,
      modelDir: model.dir,
      allowRemote: model.allowRemote,
      queryPrefix: model.queryPrefix,
      passagePrefix: model.passagePrefix,
    });
    return { embedder };
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    const offline = model.allowRemote && networkFailure(error) !== undefined;
    return {
      embedder: null,
      unavailable: offline
        ? `the embedding model ${model.id} is not in ${model.dir} and the Hugging Face hub cannot be reached (${reason})`
        : `the embedding model ${model.id} could not be loaded (${reason})`,
    };
  }
}
