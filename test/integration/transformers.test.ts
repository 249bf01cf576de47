import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEmbedder } from '../../src/embed/load.js';
import { TransformersEmbedder } from '../../src/embed/transformers.js';
import { Engine } from '../../src/engine.js';
import { currentGeneration } from '../../src/index/store.js';
import { FIXTURE_MODELS, makeWorkspace } from '../support/workspace.js';

const FIXTURE_ID = 'dossier-test/tiny-embedder';
const options = { modelId: FIXTURE_ID, modelDir: FIXTURE_MODELS, allowRemote: false, queryPrefix: 'query: ', passagePrefix: 'passage: ' };
const dot = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * b[i]!, 0);

describe('the real transformers.js path on the fixture model', () => {
  it('loads the q8 ONNX model offline and returns normalised mean-pooled vectors', async () => {
    const embedder = await TransformersEmbedder.load(options);
    expect(embedder.dimensions).toBe(32);
    const [agadez, russia] = await embedder.embedPassages(['les soldats à Agadez', 'la Russie et le Mali']);
    const query = await embedder.embedQuery('soldats Agadez');
    expect(Math.hypot(...agadez!)).toBeCloseTo(1, 5);
    expect(dot(query, agadez!)).toBeGreaterThan(dot(query, russia!));
  });

  it('the prefixes change the vectors, as e5 models need', async () => {
    const embedder = await TransformersEmbedder.load(options);
    const [passage] = await embedder.embedPassages(['Agadez']);
    expect(await embedder.embedQuery('Agadez')).not.toEqual(passage);
  });

  it('says why when the model is missing, instead of throwing', async () => {
    const choice = await loadEmbedder({ ...options, id: 'nobody/no-such-model', dir: FIXTURE_MODELS, enabled: true, endpoint: undefined });
    expect(choice.embedder).toBeNull();
    expect(choice.unavailable).toMatch(/nobody\/no-such-model could not be loaded/);
  });
});

describe('the engine in hybrid mode on the fixture model', () => {
  const workspace = makeWorkspace({
    env: { DOSSIER_EMBEDDINGS: 'true', DOSSIER_MODEL: FIXTURE_ID, DOSSIER_MODEL_DIR: FIXTURE_MODELS, DOSSIER_ALLOW_REMOTE_MODELS: 'false' },
  });
  afterAll(() => workspace.cleanup());

  it('indexes vectors in vectra and answers with citations', async () => {
    const engine = await Engine.open(workspace.config);
    expect(engine.mode).toBe('hybrid');
    expect(engine.keywordOnlyReason).toBeUndefined();
    const generation = (await currentGeneration(workspace.dataDir))!;
    expect(existsSync(path.join(generation.vectors, 'index.json'))).toBe(true);
    expect(engine.searchIndex.manifest.model).toEqual({ backend: 'transformers', id: FIXTURE_ID, dimensions: 32 });
    const result = await engine.ask('When did US troops leave Agadez?');
    expect(result).toMatchObject({ mode: 'hybrid' });
    expect(result.refusal).toBeUndefined();
    const { retrieved } = await engine.search('When did US troops leave Agadez?');
    expect(retrieved.some((r) => r.denseRank !== undefined)).toBe(true);
  });
});
