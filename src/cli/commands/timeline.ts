import { defineCommand } from 'citty';
import { formatCitationSource, quoted } from '../../answer/format.js';
import { parseTimelineFilter, type TimelineEvent } from '../../timeline/timeline.js';
import { openEngine } from '../engine.js';
import { rejectUnknownOptions, type CliContext } from '../io.js';

const args = {
  json: { type: 'boolean', description: 'Print {"events": [...]} as JSON' },
  from: { type: 'string', description: 'Only events from this date on (YYYY, YYYY-MM or YYYY-MM-DD)' },
  to: { type: 'string', description: 'Only events up to this date (YYYY, YYYY-MM or YYYY-MM-DD)' },
  about: { type: 'string', description: 'Only events about this topic, e.g. Agadez' },
} as const;

export function timelineCommand(ctx: CliContext) {
  return defineCommand({
    meta: { name: 'timeline', description: 'Dated events from the articles, in order, with their sources.' },
    args,
    async run({ args: parsed, rawArgs }) {
      rejectUnknownOptions(rawArgs, args);
      const filter = parseTimelineFilter(parsed);
      const engine = await openEngine(ctx);
      const events = await engine.timeline(filter);
      ctx.out(parsed.json ? JSON.stringify({ events: events.map(eventJson) }) : renderTimeline(events));
    },
  });
}

export function eventJson(event: TimelineEvent) {
  return {
    date: event.date,
    ...(event.end ? { end: event.end } : {}),
    label: event.label,
    text: event.text,
    expected: event.expected,
    ...(event.uncertain ? { uncertain: event.uncertain } : {}),
    ...(event.conflict ? { conflict: event.conflict } : {}),
    citations: event.citations.map((c) => ({ n: c.n, title: c.title, source: c.source ?? null, url: c.url ?? null, published: c.published ?? null, quote: c.quote })),
  };
}

function renderTimeline(events: readonly TimelineEvent[]): string {
  if (!events.length) return 'No dated events match.';
  const lines: string[] = [];
  for (const event of events) {
    const flags = [event.expected && 'expected', event.uncertain && `${event.uncertain} uncertain`, event.conflict && `conflict: ${event.conflict}`].filter(Boolean);
    lines.push(`${event.label}${flags.length ? ` (${flags.join('; ')})` : ''}`);
    for (const c of event.citations) lines.push(`  ${quoted(c.quote)} [${c.n}]`);
  }
  lines.push('', 'Sources:');
  for (const c of events.flatMap((e) => e.citations)) lines.push(`[${c.n}] ${formatCitationSource(c)}`);
  return lines.join('\n');
}
