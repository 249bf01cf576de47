import { defineCommand } from 'citty';
import { formatCitationSource, quoted } from '../../answer/format.js';
import { UserError } from '../../errors.js';
import type { Language } from '../../text/analysis.js';
import { parseTimelineFilter, type TimelineEvent } from '../../timeline/timeline.js';
import { conflictNote, dateWithStatus } from '../../timeline/wording.js';
import { openEngine } from '../engine.js';
import { rejectUnknownOptions, type CliContext } from '../io.js';

const args = {
  json: { type: 'boolean', description: 'Print {"events": [...]} as JSON' },
  from: { type: 'string', description: 'Only events from this date on (YYYY, YYYY-MM or YYYY-MM-DD)' },
  to: { type: 'string', description: 'Only events up to this date (YYYY, YYYY-MM or YYYY-MM-DD)' },
  about: { type: 'string', description: 'Only events about this topic, e.g. Agadez' },
  lang: { type: 'string', description: 'Language of the headlines and dates: en (default) or fr' },
} as const;

export function timelineCommand(ctx: CliContext) {
  return defineCommand({
    meta: { name: 'timeline', description: 'Dated events from the articles, in order, each with a headline and its sources.' },
    args,
    async run({ args: parsed, rawArgs }) {
      rejectUnknownOptions(rawArgs, args);
      const filter = parseTimelineFilter(parsed);
      const language = parseLanguage(parsed.lang);
      const engine = await openEngine(ctx);
      const events = await engine.timeline(filter);
      ctx.out(parsed.json ? JSON.stringify({ events: events.map((e) => eventJson(e, language)) }) : renderTimeline(events, language));
    },
  });
}

function parseLanguage(lang: string | undefined): Language {
  if (lang === undefined || lang === 'en' || lang === 'fr') return lang ?? 'en';
  throw new UserError('bad-filter', `"lang" must be en or fr (got "${lang}").`);
}

/** `label` is the date's wording; `headline` says what happened, in `headlineLang`. */
export function eventJson(event: TimelineEvent, language: Language = 'en') {
  const headline = event.headlines[language];
  return {
    date: event.date,
    ...(event.end ? { end: event.end } : {}),
    label: event.label,
    headline: headline.text,
    headlineLang: headline.lang,
    text: event.text,
    expected: event.expected,
    ...(event.uncertain ? { uncertain: event.uncertain } : {}),
    ...(event.conflict ? { conflict: event.conflict } : {}),
    citations: event.citations.map((c) => ({ n: c.n, title: c.title, source: c.source ?? null, url: c.url ?? null, published: c.published ?? null, quote: c.quote })),
  };
}

const NONE = { en: 'No dated events match.', fr: 'Aucun événement daté ne correspond.' };
const SOURCES = { en: 'Sources:', fr: 'Sources :' };

function renderTimeline(events: readonly TimelineEvent[], language: Language): string {
  if (!events.length) return NONE[language];
  const lines: string[] = [];
  for (const [i, event] of events.entries()) {
    const conflict = conflictNote(event, language);
    if (i > 0) lines.push('');
    lines.push(`${dateWithStatus(event, language)} · ${event.headlines[language].text}${conflict ? `  ⚠ ${conflict}` : ''}`);
    for (const c of event.citations) lines.push(`    ${quoted(c.quote)} [${c.n}]`);
  }
  lines.push('', SOURCES[language]);
  for (const c of events.flatMap((e) => e.citations)) lines.push(`[${c.n}] ${formatCitationSource(c)}`);
  return lines.join('\n');
}
