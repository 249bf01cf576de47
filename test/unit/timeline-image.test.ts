import { describe, expect, it } from 'vitest';
import { EVENTS_PER_PAGE, measure, pageEvents, renderTimelinePng, renderTimelineSvg, timelineAltText, type Theme } from '../../src/timeline/image.js';
import type { TimelineEvent } from '../../src/timeline/timeline.js';

function event(date: string, headline: string, expected = false): TimelineEvent {
  const sortKey = `${date}-01-01`.slice(0, 10);
  return {
    date,
    label: date,
    labelFr: date,
    text: headline,
    headlines: { en: { text: headline, lang: 'en' }, fr: { text: `${headline} (fr)`, lang: 'fr' } },
    expected,
    citations: [],
    sortKey: date.length === 10 ? date : sortKey,
  };
}

// Headlines at the 60-character limit, of wide letters, on close and on distant dates.
const LONG = 'Signature de l’accord de coopération militaire avec les États';
const events = [
  event('1998', 'Signing of the first defence agreement'),
  event('2024-03-01', LONG),
  event('2024-03-02', 'Departure of the last MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM'),
  event('2024-03-03', 'Meeting with the WWWWWWWWWW delegation of the WWWWWWWWWW'),
  event('2024-05-19', 'Agreement between the two governments', true),
  event('2024-08-05', 'Withdrawal completed', true),
  event('2024-09-01', 'Second page event'),
];

// Six events over 23 months: month labels have less room than they need; six distant years: six stretches.
const crowded = ['2022-01-01', '2022-04-15', '2022-09-01', '2023-02-01', '2023-07-01', '2023-11-30'].map((d) => event(d, `Event of ${d}`));
const scattered = ['2001', '2003', '2005', '2007', '2009', '2011'].map((d) => event(d, `Event of ${d}`));

interface TextBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  size: number;
  fill: string;
  text: string;
  middle: boolean;
}

function texts(svg: string): TextBox[] {
  return [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map(([, attributes, content]) => {
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attributes!)?.[1];
    const text = content!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
    const size = Number(attr('font-size'));
    const width = measure(text, size, attr('font-weight') === 'bold');
    const middle = attr('text-anchor') === 'middle';
    const x = Number(attr('x')) - (middle ? width / 2 : 0);
    const y = Number(attr('y'));
    return { x0: x, x1: x + width, y0: y - size * 0.8, y1: y + size * 0.25, size, fill: attr('fill')!, text, middle };
  });
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('the timeline picture', () => {
  it('is 520 units wide, rendered at twice that for sharp text on phones', () => {
    const png = renderTimelinePng(events, { language: 'en', theme: 'light', page: 0 });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1040);
    expect(renderTimelineSvg(events, { language: 'en', theme: 'light', page: 0 })).toMatch(/^<svg [^>]*width="520"/);
  });

  it('shows at most eight events, the same page as the text', () => {
    expect(EVENTS_PER_PAGE).toBeLessThanOrEqual(8);
    expect(pageEvents(events, 0).events).toEqual(events.slice(0, EVENTS_PER_PAGE));
    expect(pageEvents(events, 1)).toMatchObject({ page: 1, pages: 2, events: events.slice(EVENTS_PER_PAGE) });
    const second = texts(renderTimelineSvg(events, { language: 'en', theme: 'light', page: 1 })).map((t) => t.text);
    expect(second).toContain('Second page event');
    expect(second).not.toContain('Withdrawal completed');
  });

  for (const [name, set] of [['long headlines', events], ['a crowded axis', crowded], ['six distant years', scattered]] as const) {
    it(`${name}: no two labels touching`, () => {
      const labels = texts(renderTimelineSvg(set, { language: 'fr', theme: 'light', page: 0 })).filter((b) => !b.middle);
      for (const [i, a] of labels.entries()) {
        for (const b of labels.slice(i + 1)) expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1, `"${a.text}" and "${b.text}"`).toBe(false);
      }
    });
  }

  for (const theme of ['light', 'dark'] as Theme[]) {
    for (const language of ['en', 'fr'] as const) {
      it(`${theme}, ${language}: text at least 12 px, inside the picture, no two labels touching, every headline whole`, () => {
        const svg = renderTimelineSvg(events, { language, theme, page: 0, about: 'a topic' });
        const boxes = texts(svg);
        for (const box of boxes) {
          expect(box.size).toBeGreaterThanOrEqual(12);
          expect(box.x0, box.text).toBeGreaterThanOrEqual(0);
          expect(box.x1, box.text).toBeLessThanOrEqual(520);
        }
        const labels = boxes.filter((b) => !b.middle);
        for (const [i, a] of labels.entries()) {
          for (const b of labels.slice(i + 1)) {
            const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
            expect(overlap, `"${a.text}" and "${b.text}"`).toBe(false);
          }
        }
        const shown = labels.map((b) => b.text).join(' ');
        for (const e of events.slice(0, EVENTS_PER_PAGE)) expect(shown).toContain(e.headlines[language].text);
      });

      it(`${theme}, ${language}: every text reads against the background (contrast at least 4.5:1)`, () => {
        const svg = renderTimelineSvg(events, { language, theme, page: 0 });
        const background = /<rect [^>]*fill="(#[0-9a-f]{6})"/.exec(svg)![1]!;
        for (const box of texts(svg).filter((b) => !b.middle)) expect(contrast(box.fill, background), `${box.text} ${box.fill}`).toBeGreaterThanOrEqual(4.5);
      });
    }
  }

  it('breaks the axis between distant years and gives the width to where the events are', () => {
    const svg = renderTimelineSvg(events, { language: 'en', theme: 'light', page: 0 });
    expect(svg).toContain('class="axis-break"');
    // Dots on the axis (row badges all sit at the left margin): the five 2024 events spread over most of the width.
    const dots = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="10"/g)].map((m) => Number(m[1])).filter((x) => x !== 30);
    expect(dots).toHaveLength(6);
    const recent = dots.slice(1);
    expect(Math.max(...recent) - Math.min(...recent)).toBeGreaterThan(250);
    const close = renderTimelineSvg(events.slice(1, 5), { language: 'en', theme: 'light', page: 0 });
    expect(close).not.toContain('class="axis-break"');
  });

  it('describes the page’s events for the attachment’s alt text, within Discord’s 1,024 characters', () => {
    const alt = timelineAltText(events, 'en', 0);
    expect(alt).toMatch(/^Timeline, page 1 of 2\. A: 1998, Signing of the first defence agreement\./);
    expect(alt).toContain('E: 2024-05-19 (planned), Agreement between the two governments.');
    expect(timelineAltText(events, 'fr', 1)).toBe('Chronologie, page 2 sur 2. A: 2024-09-01, Second page event (fr).');
    const many = Array.from({ length: 6 }, (_, i) => event(`2024-0${i + 1}-01`, 'x'.repeat(59) + i));
    expect(timelineAltText([...many, ...many].slice(0, 6), 'en', 0).length).toBeLessThanOrEqual(1024);
  });
});
