// The worker thread builds run in (see off-thread.ts): reads the corpus, chunks, analyses and writes
// the index here, so that the thread answering questions is never blocked by it. Embedding is asked
// of the parent, which holds the one loaded model. One build at a time; the worker stays for the next.
import { parentPort } from 'node:worker_threads';
import type { Embedder } from '../embed/embedder.js';
import { isUserError } from '../errors.js';
import { buildIndex } from './build.js';
import { saveCommittedNames } from './names.js';
import type { FromWorker, ToWorker, WorkerJob } from './off-thread.js';

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

