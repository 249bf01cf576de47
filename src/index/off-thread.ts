// Builds run in a worker thread: reading tens of thousands of articles, analysing and writing them
// is seconds of CPU, and a bot sharing its thread could answer nothing meanwhile (Discord wants an
// acknowledgement within 3 s). The parent keeps the model and embeds what the worker asks for.
import { Worker } from 'node:worker_threads';
import type { Embedder } from '../embed/embedder.js';
import { UserError, type UserErrorCode } from '../errors.js';
import type { IndexProgress, IndexReport } from './plan.js';
import type { StoreKind } from './view.js';

export interface WorkerJob {
  dataDir: string;
  corpusDir: string;
  store: StoreKind;
  model: Pick<Embedder, 'backend' | 'modelId' | 'dimensions'> | null;
}

export type FromWorker =
  | { type: 'embed'; id: number; texts: string[] }
  | { type: 'progress'; progress: IndexProgress }
  | { type: 'wait'; message: string }
  | { type: 'done'; report: IndexReport }
  | { type: 'failed'; message: string; code?: string; userError?: { code: UserErrorCode; en: string; fr: string } };

export type ToWorker = { id: number; vectors: number[][]; error?: undefined } | { id: number; error: string };

export interface OffThreadBuild {
  dataDir: string;
  corpusDir: string;
  store: StoreKind;
  embedder: Embedder | null;
  onProgress?: (progress: IndexProgress) => void;
  onWait?: (message: string) => void;
}

/** Reads the corpus and brings the index in line with it, in a worker thread. */
export function buildIndexOffThread({ embedder, onProgress, onWait, ...job }: OffThreadBuild): Promise<IndexReport> {
  const model = embedder && { backend: embedder.backend, modelId: embedder.modelId, dimensions: embedder.dimensions };
  const worker = startWorker({ ...job, model } satisfies WorkerJob);
  return new Promise<IndexReport>((resolve, reject) => {
    let settled = false;
    const settle = (done: () => void) => {
      settled = true;
      done();
    };
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'embed') {
        embedder!.embedPassages(message.texts).then(
          (vectors) => worker.postMessage({ id: message.id, vectors } satisfies ToWorker),
          (error: Error) => worker.postMessage({ id: message.id, error: error.message } satisfies ToWorker),
        );
      } else if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'wait') onWait?.(message.message);
      else if (message.type === 'done') settle(() => resolve(message.report));
      else settle(() => reject(rebuildError(message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the index worker stopped (exit code ${code}) before finishing`));
    });
  });
}

// Errors cross the thread as data: the engine tells a busy index (a UserError) or a read-only folder (its code) apart.
function rebuildError(failure: Extract<FromWorker, { type: 'failed' }>): Error {
  if (failure.userError) return new UserError(failure.userError.code, { en: failure.userError.en, fr: failure.userError.fr });
  return Object.assign(new Error(failure.message), failure.code ? { code: failure.code } : {});
}

const WORKER = new URL(`./build-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

// Run from TypeScript sources (tsx, vitest), the worker is a .ts file: Node 20 does not pass tsx's
// loader to workers, so a two-line bootstrap imports the worker through tsx's API.
function startWorker(workerData: WorkerJob): Worker {
  if (WORKER.pathname.endsWith('.js')) return new Worker(WORKER, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(WORKER.href)}, ${JSON.stringify(WORKER.href)}))`;
  return new Worker(bootstrap, { eval: true, workerData });
}
