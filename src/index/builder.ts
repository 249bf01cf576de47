// Where index builds run, chosen by the adapter: a worker thread for the bot, whose event loop must
// stay free to answer while an index is built; this thread for the CLI, which answers nothing
// meanwhile and would only pay for the worker (starting it, loading its code, reading the corpus
// again there: about 1.7 s on every build, measured).
import { buildIndex } from './build.js';
import { BuildWorker } from './off-thread.js';
import type { BuildPlace, BuildRequest, IndexBuilder, IndexReport } from './plan.js';

/** Builds on the calling thread: the index is written before the promise resolves, nothing is started. */
class ThisThreadBuilder implements IndexBuilder {
  readonly place = 'this-thread';

  build({ corpus, corpusDir, ...request }: BuildRequest): Promise<IndexReport> {
    return buildIndex({ ...request, corpus: corpus ?? corpusDir });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

export function indexBuilder(place: BuildPlace): IndexBuilder {
  return place === 'worker' ? new BuildWorker() : new ThisThreadBuilder();
}
