// Builds run in a worker thread: reading tens of thousands of articles, analysing and writing them
// is seconds of CPU, and a bot sharing its thread could answer nothing meanwhile (Discord wants an
// acknowledgement within 3 s). The parent keeps the model and embeds what the worker asks for.
import { Worker } from 'node:worker_threads';
import type { Embedder } from '../embed/embedder.js';
import { UserError, type UserErrorCode } from '../errors.js';
import type { BuildRequest, IndexBuilder, IndexProgress, IndexReport } from './plan.js';
import type { LanceLocation, StoreKind } from './view.js';

export interface WorkerJob {
  dataDir: string;
  corpusDir: string;
  store: StoreKind;
  lance?: LanceLocation;
  model: Pick<Embedder, 'backend' | 'modelId' | 'dimensions'> | null;
}

export type FromWorker =
  | { type: 'embed'; id: number; texts: string[] }
  | { type: 'progress'; progress: IndexProgress }
  | { type: 'wait'; message: string }
  | { type: 'done'; report: IndexReport }
  | { type: 'failed'; message: string; code?: string; userError?: { code: UserErrorCode; en: string; fr: string; causeCode?: string } };

export type ToWorker =
  | { type: 'build'; job: WorkerJob }
  | { type: 'vectors'; id: number; vectors: number[][]; error?: undefined }
  | { type: 'vectors'; id: number; error: string };

interface Running extends BuildRequest {
  resolve: (report: IndexReport) => void;
  reject: (error: Error) => void;
}

// An idle worker keeps what its heap grew to during the build (about 160 MB after comparing 20,000
// articles with the index, measured): it ends this long after its last build, so that a burst of
// builds (the watcher's) shares one start (a second or two of its own thread) and a bot between
// builds holds none.
export const IDLE_MS = 2000;

/**
 * A worker thread that reads the corpus and brings the index in line with it, one build at a time
 * (the engine queues them). Started for a build, ended when idle for IDLE_MS.
 */
export class BuildWorker implements IndexBuilder {
  readonly place = 'worker';
  private worker?: Worker;
  private running?: Running;
  private idle?: NodeJS.Timeout;

  // A corpus the caller read is not sent: copying it to the worker would cost this thread what the worker saves.
  build(request: BuildRequest): Promise<IndexReport> {
    if (this.running) return Promise.reject(new Error('a build is already running in this worker'));
    clearTimeout(this.idle);
    const worker = (this.worker ??= this.start());
    worker.ref(); // a build in progress keeps the process alive; an idle worker does not
    const { embedder, dataDir, corpusDir, store, lance } = request;
    const model = embedder && { backend: embedder.backend, modelId: embedder.modelId, dimensions: embedder.dimensions };
    return new Promise<IndexReport>((resolve, reject) => {
      this.running = { ...request, resolve, reject };
      worker.postMessage({ type: 'build', job: { dataDir, corpusDir, store, lance, model } } satisfies ToWorker);
    });
  }

  async close(): Promise<void> {
    clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private start(): Worker {
    const worker = startWorker();
    worker.on('message', (message: FromWorker) => this.receive(worker, message));
    const fail = (error: Error) => {
      if (this.worker !== worker) return; // one ended when idle, or closed: no build of its own
      this.worker = undefined;
      this.finish((running) => running.reject(error));
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the index worker stopped (exit code ${code})`)));
    return worker;
  }

  private receive(worker: Worker, message: FromWorker): void {
    const running = this.running;
    if (!running) return;
    if (message.type === 'embed') {
      running.embedder!.embedPassages(message.texts).then(
        (vectors) => worker.postMessage({ type: 'vectors', id: message.id, vectors } satisfies ToWorker),
        (error: Error) => worker.postMessage({ type: 'vectors', id: message.id, error: error.message } satisfies ToWorker),
      );
    } else if (message.type === 'progress') running.onProgress?.(message.progress);
    else if (message.type === 'wait') running.onWait?.(message.message);
    else if (message.type === 'done') this.finish((r) => r.resolve(message.report));
    else if (message.type === 'failed') this.finish((r) => r.reject(rebuildError(message)));
  }

  private finish(settle: (running: Running) => void): void {
    const running = this.running;
    this.running = undefined;
    this.worker?.unref();
    if (this.worker) this.idle = setTimeout(() => void this.close(), IDLE_MS).unref();
    if (running) settle(running);
  }
}

// Errors cross the thread as data: the engine tells a busy index (a UserError) or a read-only folder (its code) apart.
function rebuildError(failure: Extract<FromWorker, { type: 'failed' }>): Error {
  const user = failure.userError;
  // The system's code behind a user error (ENOSPC behind disk-full) is what the logs name.
  if (user) return new UserError(user.code, { en: user.en, fr: user.fr }, user.causeCode ? { cause: Object.assign(new Error(user.causeCode), { code: user.causeCode }) } : undefined);
  return Object.assign(new Error(failure.message), failure.code ? { code: failure.code } : {});
}

const WORKER = new URL(`./build-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

// Run from TypeScript sources (tsx, vitest), the worker is a .ts file: Node 20 does not pass tsx's
// loader to workers, so a one-line bootstrap imports the worker through tsx's API.
function startWorker(): Worker {
  if (WORKER.pathname.endsWith('.js')) return new Worker(WORKER);
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(WORKER.href)}, ${JSON.stringify(WORKER.href)}))`;
  return new Worker(bootstrap, { eval: true });
}
