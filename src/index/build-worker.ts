// The worker thread builds run in (see off-thread.ts): reads the corpus, chunks, analyses and writes
// the index here, so that the thread answering questions is never blocked by it. Embedding is asked
// of the parent, which holds the one loaded model. One build at a time; the worker stays for the next.
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { Embedder } from '../embed/embedder.js';
import { isUserError } from '../errors.js';
import { buildIndex } from './build.js';
import { saveCommittedNames } from './names.js';
import { BUILD_NICE, type FromWorker, type ToWorker, type WorkerJob } from './off-thread.js';

// Builds are background work: this thread runs at a lower CPU priority (BUILD_NICE) than the one
// answering questions, so that on a busy machine the answers get the CPU first and the build waits.
// Linux sets the priority per thread (this thread's id, from /proc/thread-self); LanceDB's own threads
// were started with the process and keep its priority. Elsewhere, or where it cannot be changed, the
// build runs at the process's priority.
function lowerThisThreadsPriority(): void {
  try {
    const thread = Number(path.basename(readlinkSync('/proc/thread-self')));
    if (Number.isInteger(thread) && getPriority(thread) < BUILD_NICE) setPriority(thread, BUILD_NICE);
  } catch {
    // not Linux, or not allowed
  }
}
lowerThisThreadsPriority();

const port = parentPort!;
const pending = new Map<number, { resolve: (vectors: number[][]) => void; reject: (error: Error) => void }>();
let nextRequest = 0;
const send = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'build') {
    void build(message.job);
    return;
  }
  const waiting = pending.get(message.id);
  pending.delete(message.id);
  if (message.error !== undefined) waiting?.reject(new Error(message.error));
  else waiting?.resolve(message.vectors);
});

function proxyEmbedder(model: WorkerJob['model']): Embedder | null {
  return (
    model && {
      ...model,
      embedQuery: () => Promise.reject(new Error('questions are embedded by the parent')),
      embedPassages: (texts) =>
        new Promise((resolve, reject) => {
          const id = nextRequest++;
          pending.set(id, { resolve, reject });
          send({ type: 'embed', id, texts: [...texts] });
        }),
    }
  );
}

async function build(job: WorkerJob): Promise<void> {
  try {
    const report = await buildIndex({
      dataDir: job.dataDir,
      store: job.store,
      lance: job.lance,
      corpus: job.corpusDir, // read here: LanceDB's builds read it in batches
      embedder: proxyEmbedder(job.model),
      onProgress: (progress) => send({ type: 'progress', progress }),
      onWait: (message) => send({ type: 'wait', message }),
    });
    // The new index's names are read here, off the answering thread, and saved beside it: the bot then
    // reads them back before swapping to it (a minute of its thread at 100,000 articles otherwise).
    if (report.written) await saveCommittedNames(job.store, job.dataDir, job.lance).catch(() => undefined);
    send({ type: 'done', report });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    send({
      type: 'failed',
      message: failure.message,
      code: failure.code,
      userError: isUserError(error)
        ? { code: error.code, en: error.messageIn('en'), fr: error.messageIn('fr'), causeCode: (error.cause as NodeJS.ErrnoException | undefined)?.code }
        : undefined,
    });
  }
}

