// Run by the crash tests as a separate process, to be killed with SIGKILL mid-index.
// Prints a marker line as each phase starts, so the parent can aim its kill.
import { loadCorpus } from '../../src/ingest/corpus.js';
import { buildIndex } from '../../src/index/build.js';
import { HashEmbedder } from './hash-embedder.js';

const [corpusDir, dataDir, delay, store] = process.argv.slice(2);
const seen = new Set<string>();
await buildIndex({
  dataDir: dataDir!,
  store: store === 'lancedb' ? 'lancedb' : 'default',
  corpus: await loadCorpus(corpusDir!),
  embedder: new HashEmbedder('test/hash-embedder', Number(delay)),
  onProgress: ({ phase, done }) => {
    const marker = phase === 'writing' && done === 1 ? 'DONE-WRITING' : phase.toUpperCase();
    if (!seen.has(marker)) process.stdout.write(`${marker}\n`);
    seen.add(marker);
  },
});
process.stdout.write('DONE\n');
