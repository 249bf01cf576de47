// The timeline picture: one page of events, drawn as SVG and rendered to PNG by resvg (the one
// place that imports it, and opentype.js, which measures text so that nothing overlaps or is cut).
// Designed for the ~520 px width at which Discord shows an image: every size below is a CSS pixel
// at that width, and the PNG is rendered at twice that for sharp text on phones.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import opentype from 'opentype.js';
import type { Language } from '../text/analysis.js';
import type { TimelineEvent } from './types.js';
import { dateLabel, STATUS_WORDS, statusWords } from './wording.js';

// Fonts shipped in an npm package, so the image has text on machines without system fonts.
const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = { regular: path.join(FONT_DIR, 'DejaVuSans.ttf'), bold: path.join(FONT_DIR, 'DejaVuSans-Bold.ttf') };

/** Events per picture, and per page of the text beside it. */
export const EVENTS_PER_PAGE = 6;

export type Theme = 'light' | 'dark';

const WIDTH = 520;
const SCALE = 2;
const PAD = 18;
const TEXT_X = PAD + 34;
const SIZE = { title: 18, subtitle: 13, date: 13, headline: 15, axis: 12, badge: 12, legend: 12 };
const HEADLINE_LINE = 20;
const BREAK_GAP = 26;
// Events more than about a year apart are drawn on separate stretches of axis, with a break between.
const BREAK_DAYS = 400;
const DAY = 86_400_000;

const THEMES = {
  light: { background: '#ffffff', text: '#1f2328', muted: '#57606a', axis: '#8c959f', dot: '#1f6feb', dotText: '#ffffff', planned: '#9a6700', rule: '#d8dee4' },
  dark: { background: '#1e1f22', text: '#f2f3f5', muted: '#b5bac1', axis: '#80848e', dot: '#5b9bff', dotText: '#101114', planned: '#f0b232', rule: '#3a3c42' },
} as const;

const WORDS = {
  en: {
    title: 'Timeline',
    page: (p: number, n: number) => `Page ${p} of ${n}`,
    events: (a: number, b: number, n: number) => `events ${a}–${b} of ${n}`,
    count: (n: number) => `${n} event${n === 1 ? '' : 's'}`,
    none: 'No dated events match.',
    alt: 'Timeline',
  },
  fr: {
    title: 'Chronologie',
    page: (p: number, n: number) => `Page ${p} sur ${n}`,
    events: (a: number, b: number, n: number) => `événements ${a} à ${b} sur ${n}`,
    count: (n: number) => `${n} événement${n === 1 ? '' : 's'}`,
    none: 'Aucun événement daté ne correspond.',
    alt: 'Chronologie',
  },
} as const;

export interface PictureOptions {
  language: Language;
  theme: Theme;
  /** What the timeline is about, when filtered: shown after the title. */
  about?: string;
  /** Zero-based page; the events given are the whole filtered timeline. */
  page: number;
}

/** The page's events, lettered A, B, … in the picture and in the text beside it. */
export function pageEvents(events: readonly TimelineEvent[], page: number): { events: TimelineEvent[]; page: number; pages: number; first: number } {
  const pages = Math.max(1, Math.ceil(events.length / EVENTS_PER_PAGE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const first = current * EVENTS_PER_PAGE;
  return { events: events.slice(first, first + EVENTS_PER_PAGE), page: current, pages, first };
}

export function eventLetter(i: number): string {
  return String.fromCharCode(65 + i);
}

/** The PNG of one page: a time axis with the page's events, then one row per event (date, status, headline). */
export function renderTimelinePng(all: readonly TimelineEvent[], options: PictureOptions): Buffer {
  const resvg = new Resvg(renderTimelineSvg(all, options), {
    font: { fontFiles: Object.values(FONT_FILES), loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'width', value: WIDTH * SCALE },
  });
  return resvg.render().asPng();
}

/** The page as SVG, 520 units wide. */
export function renderTimelineSvg(all: readonly TimelineEvent[], options: PictureOptions): string {
  const { events, page, pages, first } = pageEvents(all, options.page);
  const colors = THEMES[options.theme];
  const words = WORDS[options.language];
  const parts: string[] = [];
  const title = fitText(options.about ? `${words.title}${options.language === 'fr' ? ' : ' : ': '}${options.about}` : words.title, SIZE.title, true, WIDTH - 2 * PAD);
  parts.push(textEl(PAD, 32, title, SIZE.title, colors.text, true));
  const subtitle = !events.length ? words.none : pages === 1 ? words.count(all.length) : `${words.page(page + 1, pages)} · ${words.events(first + 1, first + events.length, all.length)}`;
  parts.push(textEl(PAD, 54, subtitle, SIZE.subtitle, colors.muted));

  let y = 66;
  if (events.length) {
    const axis = drawAxis(events, y, options.language, colors);
    parts.push(axis.svg);
    y = axis.bottom + 8;
    parts.push(`<line x1="${PAD}" y1="${y}" x2="${WIDTH - PAD}" y2="${y}" stroke="${colors.rule}" stroke-width="1"/>`);
    y += 10;
  }
  events.forEach((event, i) => {
    const row = drawRow(event, i, y, options.language, colors);
    parts.push(row.svg);
    y = row.bottom;
  });
  if (events.length) {
    y += 6;
    const status = STATUS_WORDS[options.language];
    parts.push(dot(PAD + 6, y, 5, false, colors), textEl(PAD + 16, y + 4, status.reported, SIZE.legend, colors.muted));
    const plannedX = PAD + 16 + measure(status.reported, SIZE.legend) + 24;
    parts.push(dot(plannedX, y, 5, true, colors), textEl(plannedX + 10, y + 4, status.planned, SIZE.legend, colors.muted));
    y += 16;
  }
  const height = Math.ceil(y + 8);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="DejaVu Sans">
<rect width="100%" height="100%" fill="${colors.background}"/>
${parts.join('\n')}
</svg>`;
}

/** The picture's description for screen readers and for anyone whose client does not show it: every event of the page. */
export function timelineAltText(all: readonly TimelineEvent[], language: Language, page: number): string {
  const { events, page: current, pages } = pageEvents(all, page);
  const words = WORDS[language];
  if (!events.length) return `${words.alt}: ${words.none}`;
  const head = `${words.alt}, ${words.page(current + 1, pages).toLowerCase()}.`;
  const items = events.map((e, i) => {
    const status = statusWords(e, language);
    return ` ${eventLetter(i)}: ${dateLabel(e, language)}${status.length ? ` (${status.join(', ')})` : ''}, ${e.headlines[language].text}.`;
  });
  // Discord keeps 1,024 characters of a description: whole events only.
  let alt = head;
  for (const item of items) {
    if (alt.length + item.length > 1020) return `${alt} …`;
    alt += item;
  }
  return alt;
}

type Colors = (typeof THEMES)[Theme];

function drawRow(event: TimelineEvent, i: number, top: number, language: Language, colors: Colors): { svg: string; bottom: number } {
  const parts: string[] = [];
  const planned = event.expected;
  parts.push(badge(PAD + 12, top + 10, eventLetter(i), planned, colors));
  const date = dateLabel(event, language);
  parts.push(textEl(TEXT_X, top + 15, date, SIZE.date, colors.muted, true));
  const status = statusWords(event, language);
  if (status.length) parts.push(textEl(TEXT_X + measure(date, SIZE.date, true) + 8, top + 15, status.join(', '), SIZE.date, colors.planned, false, true));
  const lines = wrap(event.headlines[language].text, SIZE.headline, WIDTH - PAD - TEXT_X);
  lines.forEach((line, k) => parts.push(textEl(TEXT_X, top + 36 + k * HEADLINE_LINE, line, SIZE.headline, colors.text)));
  return { svg: parts.join(''), bottom: top + 36 + (lines.length - 1) * HEADLINE_LINE + 16 };
}

/**
 * The axis spends its width where the events are: events more than about a year apart go on
 * separate stretches, each as wide as its share of the events, with a visible break between.
 * Dots too close to sit side by side are stacked; year labels that would touch are left out.
 */
function drawAxis(events: readonly TimelineEvent[], top: number, language: Language, colors: Colors): { svg: string; bottom: number } {
  const times = events.map((e) => Date.parse(e.sortKey));
  const order = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t);
  const stretches: { first: number; last: number; items: number[] }[] = [];
  for (const { t, i } of order) {
    const current = stretches.at(-1);
    if (current && t - current.last <= BREAK_DAYS * DAY) {
      current.last = t;
      current.items.push(i);
    } else stretches.push({ first: t, last: t, items: [i] });
  }
  const left = PAD + 4;
  const usable = WIDTH - 2 * PAD - 8 - (stretches.length - 1) * BREAK_GAP;
  const minWidth = 64;
  const share = (n: number) => Math.max(minWidth, (usable * n) / events.length);
  const scale = usable / stretches.reduce((sum, s) => sum + share(s.items.length), 0);
  const x = new Array<number>(events.length);
  const spans: { from: number; to: number; first: number; last: number }[] = [];
  let cursor = left;
  for (const s of stretches) {
    const width = share(s.items.length) * scale;
    const inner = 16;
    for (const i of s.items) x[i] = s.last === s.first ? cursor + width / 2 : cursor + inner + ((times[i]! - s.first) / (s.last - s.first)) * (width - 2 * inner);
    spans.push({ from: cursor, to: cursor + width, first: s.first, last: s.last });
    cursor += width + BREAK_GAP;
  }

  // Lanes: a dot goes on the lowest lane where it does not touch the previous one.
  const R = 10;
  const lanes: number[] = [];
  const lane = new Array<number>(events.length);
  for (const { i } of [...order].sort((a, b) => x[a.i]! - x[b.i]!)) {
    let l = 0;
    while (lanes[l] !== undefined && x[i]! - lanes[l]! < 2 * R + 3) l++;
    lanes[l] = x[i]!;
    lane[i] = l;
  }
  const laneCount = lanes.length;
  const axisY = top + 16 + laneCount * (2 * R + 4);
  const parts: string[] = [];
  for (const [k, span] of spans.entries()) {
    parts.push(`<line x1="${span.from}" y1="${axisY}" x2="${span.to}" y2="${axisY}" stroke="${colors.axis}" stroke-width="2" stroke-linecap="round"/>`);
    if (k > 0) {
      const mid = span.from - BREAK_GAP / 2;
      for (const dx of [-4, 4]) parts.push(`<line class="axis-break" x1="${mid + dx - 4}" y1="${axisY + 7}" x2="${mid + dx + 4}" y2="${axisY - 7}" stroke="${colors.axis}" stroke-width="2"/>`);
    }
  }
  // Labels: each stretch's first year at its start, each 1 January inside it, then, where there
  // is room, the months of stretches shorter than two years. Labels that would touch are left out.
  const placed: [number, number][] = [];
  const place = (tx: number, label: string, bold: boolean) => {
    const w = measure(label, SIZE.axis, bold);
    const lx = Math.min(Math.max(tx - w / 2, PAD), WIDTH - PAD - w);
    if (placed.some(([a, b]) => lx < b + 6 && lx + w > a - 6)) return;
    placed.push([lx, lx + w]);
    parts.push(textEl(lx, axisY + 20, label, SIZE.axis, bold ? colors.text : colors.muted, bold));
  };
  const months: { tx: number; label: string }[] = [];
  const monthName = new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' });
  for (const span of spans) {
    const single = span.last === span.first;
    const at = (t: number) => (single ? (span.from + span.to) / 2 : span.from + 16 + ((t - span.first) / (span.last - span.first)) * (span.to - span.from - 32));
    const start = new Date(span.first);
    place(Math.max(span.from + 12, at(span.first)), String(start.getUTCFullYear()), true);
    for (let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1); t <= span.last; t = Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth() + 1, 1)) {
      const january = new Date(t).getUTCMonth() === 0;
      parts.push(`<line x1="${at(t)}" y1="${axisY - (january ? 6 : 3)}" x2="${at(t)}" y2="${axisY + (january ? 6 : 3)}" stroke="${colors.axis}" stroke-width="${january ? 1.5 : 1}"/>`);
      if (january) place(at(t), String(new Date(t).getUTCFullYear()), true);
      else if (span.last - span.first < 2 * 365 * DAY) months.push({ tx: at(t), label: monthName.format(t) });
    }
  }
  for (const { tx, label } of months) place(tx, label, false);
  for (const [i, event] of events.entries()) {
    const cy = axisY - 16 - lane[i]! * (2 * R + 4);
    parts.push(`<line x1="${x[i]}" y1="${cy}" x2="${x[i]}" y2="${axisY}" stroke="${colors.axis}" stroke-width="1"/>`);
    parts.push(badge(x[i]!, cy, eventLetter(i), event.expected, colors));
  }
  return { svg: parts.join('\n'), bottom: axisY + 24 };
}

function badge(cx: number, cy: number, letter: string, planned: boolean, colors: Colors): string {
  const fill = planned ? colors.background : colors.dot;
  const stroke = planned ? colors.planned : colors.dot;
  const ink = planned ? colors.planned : colors.dotText;
  return `<circle cx="${cx}" cy="${cy}" r="10" fill="${fill}" stroke="${stroke}" stroke-width="2"/><text x="${cx}" y="${cy + 4.3}" text-anchor="middle" font-size="${SIZE.badge}" font-weight="bold" fill="${ink}">${letter}</text>`;
}

function dot(cx: number, cy: number, r: number, planned: boolean, colors: Colors): string {
  return planned
    ? `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${colors.background}" stroke="${colors.planned}" stroke-width="2"/>`
    : `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${colors.dot}"/>`;
}

function textEl(x: number, y: number, text: string, size: number, fill: string, bold = false, italic = false): string {
  return `<text x="${x}" y="${y}" font-size="${size}"${bold ? ' font-weight="bold"' : ''}${italic ? ' font-style="italic"' : ''} fill="${fill}">${escape(text)}</text>`;
}

/** Words in lines no wider than `width` at this size (a word longer than a line gets a line of its own). */
function wrap(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** A text cut at a word, with an ellipsis, to fit a width. */
function fitText(text: string, size: number, bold: boolean, width: number): string {
  if (measure(text, size, bold) <= width) return text;
  const words = text.split(' ');
  while (words.length > 1 && measure(`${words.join(' ')}…`, size, bold) > width) words.pop();
  return `${words.join(' ')}…`;
}

let fonts: { regular: opentype.Font; bold: opentype.Font } | undefined;

/** The width of a text in the picture's font, from its glyph advances and kerning. */
export function measure(text: string, size: number, bold = false): number {
  fonts ??= { regular: loadFont(FONT_FILES.regular), bold: loadFont(FONT_FILES.bold) };
  const font = bold ? fonts.bold : fonts.regular;
  let width = 0;
  let previous: opentype.Glyph | undefined;
  for (const char of text) {
    const glyph = font.charToGlyph(char);
    if (previous) width += font.getKerningValue(previous, glyph);
    width += glyph.advanceWidth ?? 0;
    previous = glyph;
  }
  return (width * size) / font.unitsPerEm;
}

function loadFont(file: string): opentype.Font {
  const data = readFileSync(file);
  return opentype.parse(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
