// Where index builds run, chosen by the adapter: a worker thread for the bot, whose event loop must
// stay free to answer while an index is built; this thread for the CLI, which answers nothing
// meanwhile and would only pay for the worker (starting it, loading its code, reading the corpus
// again there: about 1.7 s on every build, measured).
import { buildIndex } from './build.js';
import { saveCommittedNames } from './names.js';
import { BuildWorker } from './off-thread.js';
import type { BuildPlace, BuildRequest, IndexBuilder, IndexReport } from './plan.js';

/** Builds on the calling thread: the index is written before the promise resolves, nothing is started. */
class ThisThreadBuilder implements IndexBuilder {
  readonly place = 'this-thread';

  async build({ corpus, corpusDir, ...request }: BuildRequest): Promise<IndexReport> {
    const report = await buildIndex({ ...request, corpus: corpus ?? corpusDir });
    // As the worker does: the names saved beside the new index, for bots that follow this commit.
    if (report.written) await saveCommittedNames(request.store, request.dataDir).catch(() => undefined);
    return report;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

export function indexBuilder(place: BuildPlace): IndexBuilder {
  return place === 'worker' ? new BuildWorker() : new ThisThreadBuilder();
}
