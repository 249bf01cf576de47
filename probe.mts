import { loadConfig } from './src/config.ts';
import { Engine } from './src/engine.ts';
import { queryConcepts } from './src/retrieve/analyzer.ts';
const engine = await Engine.open(loadConfig({ ...process.env, DOSSIER_EMBEDDINGS: 'false' }));
for (const q of process.argv.slice(2)) {
  const { scored } = await engine.search(q);
  const concepts = queryConcepts(q, ['fr']);
  console.log(`\n## ${q}\n  concepts:`, concepts.map(c => `${c.word}${c.untranslated?'?':''}${c.specific?'!':''}[${c.alternatives.map(t => `${t.join('+')}:${engine.searchIndex.keyword.idf(t[0]!).toFixed(1)}`).join(',')}]`).join(' '));
  for (const s of scored.slice(0, 3)) console.log(`  ${s.coverage.toFixed(2)} ${s.score.toFixed(2)} ${s.text.slice(0, 150)}`);
}
