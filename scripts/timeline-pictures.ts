// Renders every page of the bundled corpus's timeline picture, in both languages and both themes,
// to look at them as Discord shows them: `npx tsx scripts/timeline-pictures.ts [corpus] [out-dir]`.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '../src/ingest/corpus.js';
import { pageEvents, renderTimelinePng, timelineAltText } from '../src/timeline/image.js';
import { buildTimeline } from '../src/timeline/timeline.js';

const corpus = process.argv[2] ?? 'corpus';
const out = process.argv[3] ?? path.join('/tmp', 'timeline-pictures');
mkdirSync(out, { recursive: true });
const events = await buildTimeline((await loadCorpus(corpus)).articles);
const { pages } = pageEvents(events, 0);
for (const language of ['en', 'fr'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    for (let page = 0; page < pages; page++) {
      const file = path.join(out, `timeline-${language}-${theme}-${page + 1}.png`);
      writeFileSync(file, renderTimelinePng(events, { language, theme, page }));
      console.log(file);
    }
  }
  for (let page = 0; page < pages; page++) console.log(`alt (${language}, page ${page + 1}): ${timelineAltText(events, language, page)}`);
}
