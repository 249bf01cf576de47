import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const BUNDLED_CORPUS = path.join(REPO, 'corpus');
export const FIXTURE_MODELS = path.join(REPO, 'test/fixtures/models');

/** A temp folder with a copy of the bundled corpus and an empty data dir, removed by cleanup(). */
export function makeWorkspace(options: { corpus?: boolean; env?: Record<string, string> } = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'dossier-test-'));
  const corpusDir = path.join(root, 'corpus');
  if (options.corpus !== false) cpSync(BUNDLED_CORPUS, corpusDir, { recursive: true });
  const env = {
    DOSSIER_CORPUS_DIR: corpusDir,
    DOSSIER_DATA_DIR: path.join(root, 'embeddings'),
    DOSSIER_EMBEDDINGS: 'false',
    DOSSIER_WATCH_CORPUS: 'false',
    DOSSIER_FEEDBACK_LOG: path.join(root, 'logs/feedback.jsonl'),
    DOSSIER_LOG_FILE: path.join(root, 'logs/dossier.log'),
    ...options.env,
  };
  const config: Config = loadConfig(env, root);
  return { root, corpusDir, dataDir: config.dataDir, env, config, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
