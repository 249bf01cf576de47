import { describe, expect, it } from 'vitest';
import { parseTimelineButton, timelineMessage, type TimelineView } from '../../src/discord/commands/timeline.js';
import { DISCORD_LIMITS } from '../../src/discord/limits.js';
import { loadCorpus } from '../../src/ingest/corpus.js';
import { buildTimeline, filterTimeline } from '../../src/timeline/timeline.js';
import { BUNDLED_CORPUS } from '../support/workspace.js';

describe('/timeline messages', async () => {
  const events = await buildTimeline((await loadCorpus(BUNDLED_CORPUS)).articles);
  const view: TimelineView = { filter: {}, page: 0, theme: 'dark', lang: 'fr' };

  it('speak the reader’s language: French dates, status words, headlines and buttons', () => {
    const message = timelineMessage(events, view);
    const embed = message.embeds[0]!;
    expect(embed.title).toBe(`Chronologie (${events.length} événements)`);
    expect(embed.fields![0]).toMatchObject({ name: 'A · 2012', value: expect.stringMatching(/^\*\*Signature de l’accord de coopération militaire\*\*\n“/) });
    expect(embed.fields!.find((f) => f.name.includes('mars 2024'))!.name).toBe('F · mars 2024 · prévu');
    expect(embed.footer!.text).toBe('Page 1 sur 2');
    expect(message.components[0]!.components.map((b) => (b as { label?: string }).label)).toEqual(['Plus tôt', 'Plus tard']);
  });

  it('buttons carry the page, filter, theme and language, within Discord’s 100 characters', () => {
    const wide: TimelineView = { filter: { from: '2023-07-26', to: '2024-08-31', about: 'a | topic of forty characters, the limit' }, page: 0, theme: 'light', lang: 'fr' };
    // The message lays out the events it is given; the filter only rides along in the buttons.
    const id = (timelineMessage(events, wide).components[0]!.components[1] as { custom_id: string }).custom_id;
    expect(id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
    expect(parseTimelineButton(id)).toEqual({ ...wide, page: 1 });
    const all = timelineMessage(events, { ...view, page: 0 });
    const next = (all.components[0]!.components[1] as { custom_id: string }).custom_id;
    expect(parseTimelineButton(next)).toEqual({ ...view, page: 1 });
  });

  it('name each article once under an event, and mark the quote with its article’s number', () => {
    // Numbered as the engine gives them: [1], [2], … in timeline order.
    const numbered = filterTimeline(events, {});
    for (const page of [0, 1]) {
      for (const field of timelineMessage(numbered, { ...view, page }).embeds[0]!.fields!) {
        const sources = field.value.split('\n').filter((line) => /^\[\d+\] /.test(line));
        const titles = sources.map((line) => line.replace(/^\[\d+\] /, ''));
        expect(new Set(titles).size, field.name).toBe(titles.length);
        const marker = field.value.match(/” \[(\d+)\]$/m)?.[1];
        expect(sources.map((line) => line.match(/^\[(\d+)\]/)![1]), field.name).toContain(marker);
      }
    }
  });

  it('attach the picture of the same page, described by its events', () => {
    const second = timelineMessage(events, { ...view, page: 1 });
    const file = second.files![0] as { name?: string; description?: string };
    expect(file.name).toBe('timeline.png');
    expect(file.description).toMatch(/^Chronologie, page 2 sur 2\. A: avril–mai 2024, /);
    expect(second.embeds[0]!.fields![0]!.name).toBe('A · avril–mai 2024');
  });
});
