import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus } from './src/ingest/corpus.js';
import { buildIndex } from './src/index/build.js';
import { Engine } from './src/engine.js';
import { HashEmbedder } from './test/support/hash-embedder.js';
import { makeWorkspace } from './test/support/workspace.js';
const w = makeWorkspace();
await buildIndex({ dataDir: w.dataDir, corpus: await loadCorpus(w.corpusDir), embedder: new HashEmbedder() });
for (let i = 0; i < 150; i++) {
  const text = Array.from({ length: 12 }, (_, j) => `Le fait numéro ${i}-${j} concerne la ville fictive de Zorbaville et son conseil municipal.`).join('\n');
  writeFileSync(path.join(w.corpusDir, `extra-${i}.md`), `---\ntitle: Article ${i}\n---\n${text}\n`);
}
let t = performance.now();
const engine = await Engine.open(w.config, { embedder: { embedder: new HashEmbedder() } });
console.log('open', (performance.now() - t).toFixed(0)); t = performance.now();
await engine.ask('When did US troops leave Agadez?');
console.log('ask1', (performance.now() - t).toFixed(0)); t = performance.now();
await engine.ask('Que concerne le fait numéro 7-3 à Zorbaville ?');
console.log('ask2', (performance.now() - t).toFixed(0)); t = performance.now();
w.cleanup();
