// The one place that imports resvg: a timeline drawn as SVG, rendered to PNG for Discord.
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { TimelineEvent } from './timeline.js';

// Fonts shipped in an npm package, so the image has text on machines without system fonts.
const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => path.join(FONT_DIR, file));

const WIDTH = 1100;
const ROW = 46;
const STRIP_Y = 100;
const TOP = 150;
const AXIS_X = 300;
const MAX_EVENTS = 40;

/**
 * At the top, the events as dots on a proportional time axis; below, one row per event on a
 * vertical axis with its date and a short label. Expected events are hollow dots.
 */
export function renderTimelinePng(events: readonly TimelineEvent[], title: string): Buffer {
  const shown = events.slice(0, MAX_EVENTS);
  const height = TOP + Math.max(1, shown.length) * ROW + (events.length > shown.length ? 50 : 30);
  const rows = shown.map((event, i) => {
    const y = TOP + i * ROW + ROW / 2;
    const dot = event.expected
      ? `<circle cx="${AXIS_X}" cy="${y}" r="8" fill="#ffffff" stroke="#2f6f9f" stroke-width="3"/>`
      : `<circle cx="${AXIS_X}" cy="${y}" r="8" fill="#2f6f9f"/>`;
    const marks = [event.expected && 'expected', event.uncertain && `${event.uncertain}?`, event.conflict && 'conflict'].filter(Boolean).join(', ');
    return [
      dot,
      `<text x="${AXIS_X - 20}" y="${y + 5}" text-anchor="end" font-size="16" font-weight="bold" fill="#1d2b36">${escape(event.label)}</text>`,
      `<text x="${AXIS_X + 22}" y="${y + 5}" font-size="15" fill="#1d2b36">${escape(shortLabel(event.text, 88))}</text>`,
      marks ? `<text x="${AXIS_X - 20}" y="${y + 21}" text-anchor="end" font-size="12" fill="#7a6a2f">${escape(marks)}</text>` : '',
    ].join('');
  });
  const more = events.length > shown.length ? `<text x="${AXIS_X + 22}" y="${height - 20}" font-size="14" fill="#555">… and ${events.length - shown.length} more events</text>` : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">
<rect width="100%" height="100%" fill="#f7f9fb"/>
<text x="30" y="40" font-size="22" font-weight="bold" fill="#1d2b36">${escape(shortLabel(title, 80))}</text>
${timeStrip(shown)}
<line x1="${AXIS_X}" y1="${TOP}" x2="${AXIS_X}" y2="${TOP + Math.max(1, shown.length) * ROW}" stroke="#9db3c6" stroke-width="3"/>
${rows.join('\n')}
${shown.length ? '' : `<text x="${AXIS_X + 22}" y="${TOP + 28}" font-size="16" fill="#555">No dated events match.</text>`}
${more}
</svg>`;
  const resvg = new Resvg(svg, { font: { fontFiles: FONTS, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' }, background: '#f7f9fb' });
  return resvg.render().asPng();
}

const STRIP_LEFT = 60;
const STRIP_RIGHT = WIDTH - 60;
const DAY = 86_400_000;

/** The events on a proportional axis, with a tick and label for every year (and months in short spans). */
function timeStrip(events: readonly TimelineEvent[]): string {
  if (!events.length) return '';
  const times = events.map((e) => Date.parse(e.sortKey));
  const first = Math.min(...times) - 15 * DAY;
  const last = Math.max(...times) + 15 * DAY;
  const x = (t: number) => STRIP_LEFT + ((t - first) / (last - first)) * (STRIP_RIGHT - STRIP_LEFT);
  const parts = [`<line x1="${STRIP_LEFT}" y1="${STRIP_Y}" x2="${STRIP_RIGHT}" y2="${STRIP_Y}" stroke="#9db3c6" stroke-width="3"/>`];
  const firstYear = new Date(first).getUTCFullYear();
  const lastYear = new Date(last).getUTCFullYear();
  const showMonths = last - first < 3 * 365 * DAY;
  for (let year = firstYear; year <= lastYear + 1; year++) {
    for (let month = 0; month < 12; month += showMonths ? 1 : 12) {
      const t = Date.UTC(year, month, 1);
      if (t < first || t > last) continue;
      const major = month === 0;
      parts.push(`<line x1="${x(t)}" y1="${STRIP_Y - (major ? 12 : 6)}" x2="${x(t)}" y2="${STRIP_Y + (major ? 12 : 6)}" stroke="#6f8aa3" stroke-width="${major ? 2 : 1}"/>`);
      if (major) parts.push(`<text x="${x(t)}" y="${STRIP_Y + 32}" text-anchor="middle" font-size="13" fill="#1d2b36">${year}</text>`);
      else parts.push(`<text x="${x(t)}" y="${STRIP_Y + 24}" text-anchor="middle" font-size="10" fill="#6f8aa3">${'JFMAMJJASOND'[month]}</text>`);
    }
  }
  times.forEach((t, i) => {
    const fill = events[i]!.expected ? '#ffffff' : '#2f6f9f';
    parts.push(`<circle cx="${x(t)}" cy="${STRIP_Y}" r="6" fill="${fill}" stroke="#2f6f9f" stroke-width="2" opacity="0.85"/>`);
  });
  return parts.join('\n');
}

/** A label short enough for one line, cut at a word. */
function shortLabel(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
