// npm run preview: draws what Discord users see (answers in English and French, one with the
// writer's text, Show quotes, a vote, refusals, errors, a follow-up, timeline and sources pages, /status) into PNG files, at
// phone width (400 px) and desktop width (1,000 px). The payloads are the bot's own (format.ts,
// the catalogue, the real engine over corpus/); the drawing is @skyra/discord-components-core's
// web components in headless Chromium (Debian's `chromium`; CHROMIUM_PATH to use another).
// Output: preview/<scene>-<width>.png and preview/index.html.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import type { APIEmbed, AttachmentBuilder } from 'discord.js';
import { withPreviousSubject } from '../src/answer/follow-up.js';
import { loadConfig } from '../src/config.js';
import { statusEmbed } from '../src/discord/commands/status.js';
import { timelineMessage, type TimelineView } from '../src/discord/commands/timeline.js';
import { answerPayload, answerRow, quotesPayload, sourcesPayload, type MessagePayload } from '../src/discord/format.js';
import { strings, type Lang } from '../src/discord/strings.js';
import { Engine, type AskResult } from '../src/engine.js';
import { UserError } from '../src/errors.js';
import { validateQuestion } from '../src/answer/question.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'preview');
const WIDTHS = [400, 1000];

interface Scene {
  name: string;
  /** What the user did: a slash command, or a message the bot replies to. */
  user: { command: string } | { message: string; replyTo?: string };
  payload: MessagePayload;
  ephemeral?: boolean;
  /** A PNG attached to the message (the timeline picture). */
  image?: Buffer;
  reaction?: string;
}

async function main(): Promise<void> {
  const data = await mkdtemp(path.join(tmpdir(), 'dossier-preview-'));
  try {
    const config = loadConfig({ ...process.env, DOSSIER_DATA_DIR: data, DOSSIER_EMBEDDINGS: 'false' }, ROOT);
    const engine = await Engine.open(config, { embedder: { embedder: null, unavailable: 'preview' } });
    const scenes = await buildScenes(engine);
    await mkdir(OUT, { recursive: true });
    const bundle = await componentsBundle(data);
    const files = await screenshot(scenes, bundle);
    console.log(`${files.length} pictures in ${path.relative(process.cwd(), OUT)}/:`);
    for (const file of files) console.log(`  ${path.relative(process.cwd(), file)}`);
  } finally {
    await rm(data, { recursive: true, force: true });
  }
}

async function buildScenes(engine: Engine): Promise<Scene[]> {
  const ask = (question: string) => engine.ask(question);
  const answer = (result: AskResult, lang: Lang, keywordOnly = false) => answerPayload(result, keywordOnly ? 'preview' : undefined, { lang, key: 'preview' });
  const scenes: Scene[] = [];

  const agadez = await ask('When did US troops leave Agadez?');
  scenes.push({ name: 'answer-en', user: { command: '/ask' }, payload: answer(agadez, 'en') });
  const combien = await ask('Combien de militaires américains ont quitté le Niger ?');
  scenes.push({ name: 'answer-fr', user: { command: '/demander' }, payload: answer(combien, 'fr') });
  // An English question about the French articles, asked by a French-locale reader: English words, French buttons.
  const ambassador = await ask('Who is the US ambassador to Niger?');
  scenes.push({ name: 'answer-en-question-fr-reader', user: { command: '/demander' }, payload: answer(ambassador, 'fr') });
  // A yes to a question about the articles themselves, and a weekday given alone for "quel jour".
  scenes.push({ name: 'answer-en-mention', user: { command: '/ask' }, payload: answer(await ask('is wagner mentioned anywhere'), 'en') });
  scenes.push({ name: 'answer-fr-weekday', user: { command: '/demander' }, payload: answer(await ask('La délégation US devait voir Tiani quel jour ?'), 'fr') });
  const why = await ask('Pourquoi les Américains quittent-ils le Niger ?');
  scenes.push({ name: 'answer-fr-keyword-mode', user: { command: '/demander' }, payload: answer(why, 'fr', true) });
  // The seed articles carry no url; with one, sources become masked links. Same answer, with urls.
  const linked = { ...agadez, sources: agadez.sources.map((s) => ({ ...s, url: `https://example.org/articles/${s.docId.replace(/\.md$/, '')}` })) };
  scenes.push({ name: 'answer-en-with-links', user: { command: '/ask' }, payload: answer(linked, 'en') });
  // With the optional writer: no model runs here, so the sentences are what one might write from the
  // answer's first quote; the layout (written text, quotes, sources, footer) is the bot's.
  const written = {
    ...linked,
    writer: {
      model: 'gemma-3-270m',
      sentences: [
        `The withdrawal was expected to be complete in early August 2024, said Kenneth Ekman, who coordinates it [${linked.quotes[0]!.n}].`,
        `He said it was going smoothly and ahead of schedule [${linked.quotes[0]!.n}].`,
      ],
      accepted: 2,
      dropped: 0,
      reasons: [],
    },
  };
  scenes.push({ name: 'answer-en-written', user: { command: '/ask' }, payload: answer(written, 'en') });
  scenes.push({ name: 'answer-en-written-fr-reader', user: { command: '/demander' }, payload: answer(written, 'fr') });
  scenes.push({ name: 'show-quotes-en', user: { command: '/ask' }, payload: quotesPayload(agadez, 'en'), ephemeral: true });
  scenes.push({ name: 'show-quotes-fr', user: { command: '/demander' }, payload: quotesPayload(combien, 'fr'), ephemeral: true });
  const voted = answer(agadez, 'en');
  scenes.push({ name: 'voted-en', user: { command: '/ask' }, payload: { ...voted, components: [answerRow('preview', strings('en'), { quotes: true, voted: 'up' })] } });

  scenes.push({ name: 'refusal-en', user: { command: '/ask' }, payload: answer(await ask('When did Germany withdraw its troops from Niger?'), 'en') });
  scenes.push({ name: 'refusal-fr', user: { command: '/demander' }, payload: answer(await ask('Quel est le prix du pain à Niamey ?'), 'fr') });

  const previous = 'Quand les soldats américains ont-ils quitté le Niger ?';
  const followUp = await ask(withPreviousSubject(previous, 'et combien de soldats ?'));
  const followUpPayload = answerPayload(followUp, undefined, { lang: 'fr', key: 'preview', followUp: { asked: 'et combien de soldats ?', previous } });
  scenes.push({ name: 'follow-up-fr', user: { message: 'et combien de soldats ?', replyTo: previous }, payload: followUpPayload });
  const previousEn = 'When did US troops leave Niger?';
  const andAgadez = await ask(withPreviousSubject(previousEn, 'and Agadez?'));
  const andPayload = answerPayload(andAgadez, undefined, { lang: 'en', key: 'preview', followUp: { asked: 'and Agadez?', previous: previousEn } });
  scenes.push({ name: 'follow-up-en', user: { message: 'and Agadez?', replyTo: previousEn }, payload: andPayload });

  const t = { en: strings('en'), fr: strings('fr') };
  const notice = (content: string): MessagePayload => ({ content, embeds: [], components: [] });
  scenes.push({ name: 'error-rate-limit-en', user: { command: '/ask' }, payload: notice(t.en['error.rateLimited'](5, 42)), ephemeral: true });
  scenes.push({ name: 'error-rate-limit-fr-dm', user: { message: '@Dossier qui dirige le Niger ?' }, payload: notice(t.fr['error.rateLimited'](5, 42)), reaction: '⏳' });
  scenes.push({ name: 'error-internal-fr', user: { command: '/demander' }, payload: notice(t.fr['error.internal']('3f9a1c2e')), ephemeral: true });
  scenes.push({ name: 'error-question-en', user: { command: '/ask' }, payload: notice(userErrorText(() => validateQuestion('?!?', 500), 'en')), ephemeral: true });
  scenes.push({ name: 'error-question-fr', user: { command: '/demander' }, payload: notice(userErrorText(() => validateQuestion('x'.repeat(600), 500), 'fr')), ephemeral: true });

  // The timeline message and its picture, as the command sends them (the picture is the attachment's bytes).
  const timeline = async (name: string, command: string, view: TimelineView): Promise<Scene> => {
    const message = timelineMessage(await engine.timeline(view.filter), view);
    return { name, user: { command }, payload: message, image: (message.files![0] as AttachmentBuilder).attachment as Buffer };
  };
  for (const lang of ['en', 'fr'] as const) {
    scenes.push(await timeline(`timeline-${lang}`, lang === 'fr' ? '/chronologie' : '/timeline', { filter: {}, page: 0, theme: 'dark', lang }));
    scenes.push(await timeline(`timeline-about-${lang}`, lang === 'fr' ? '/chronologie sujet:Agadez' : '/timeline about:Agadez', { filter: { about: 'Agadez' }, page: 0, theme: 'dark', lang }));
    scenes.push({ name: `sources-${lang}`, user: { command: '/sources' }, payload: sourcesPayload(engine.articles, 0, lang) });
  }
  // Later, on the light theme: the picture is redrawn for page 2.
  scenes.push(await timeline('timeline-page2-light-fr', '/chronologie thème:clair', { filter: {}, page: 1, theme: 'light', lang: 'fr' }));
  const status = engine.status();
  scenes.push({ name: 'status-fr', user: { command: '/état' }, payload: { embeds: [statusEmbed(status, { questions: 0, reindexing: false }, 3 * 3600_000 + 12 * 60_000, 'fr')], components: [] }, ephemeral: true });
  return scenes;
}

function userErrorText(run: () => unknown, lang: Lang): string {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error.messageIn(lang);
    throw error;
  }
  throw new Error('expected a UserError');
}

// The web components and their dependencies (lit) bundled into one classic script, loadable from file://.
async function componentsBundle(dir: string): Promise<string> {
  const entry = path.join(dir, 'components-entry.js');
  await writeFile(entry, "import '@skyra/discord-components-core';\n");
  const outfile = path.join(dir, 'components.js');
  await build({ entryPoints: [entry], bundle: true, format: 'iife', outfile, nodePaths: [path.join(ROOT, 'node_modules')], logLevel: 'warning' });
  return outfile;
}

async function screenshot(scenes: Scene[], bundle: string): Promise<string[]> {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const files: string[] = [];
  try {
    const page = await browser.newPage();
    // Nothing leaves the machine: every request but file:// and data: is refused.
    await page.setRequestInterception(true);
    page.on('request', (request) => void (/^(file|data):/.test(request.url()) ? request.continue() : request.abort()));
    const index: string[] = [];
    for (const scene of scenes) {
      const html = path.join(OUT, `${scene.name}.html`);
      await writeFile(html, sceneHtml(scene, pathToFileURL(bundle).href));
      for (const width of WIDTHS) {
        await page.setViewport({ width, height: 300 });
        await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
        await page.evaluate(() => customElements.whenDefined('discord-message'));
        await new Promise((resolve) => setTimeout(resolve, 150));
        const file = path.join(OUT, `${scene.name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        files.push(file);
      }
      index.push(`<h2>${scene.name}</h2><img src="${scene.name}-400.png"> <img src="${scene.name}-1000.png" width="700">`);
    }
    await writeFile(path.join(OUT, 'index.html'), `<!doctype html><meta charset="utf-8"><body style="background:#222;color:#eee;font-family:sans-serif">${index.join('\n')}</body>`);
  } finally {
    await browser.close();
  }
  return files;
}

const AVATAR = {
  bot: svgAvatar('#5865f2', 'D'),
  user: svgAvatar('#3ba55c', 'A'),
};

function svgAvatar(color: string, letter: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80"><circle cx="40" cy="40" r="40" fill="${color}"/><text x="40" y="53" font-size="38" text-anchor="middle" fill="#fff" font-family="sans-serif">${letter}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

function sceneHtml(scene: Scene, bundleUrl: string): string {
  const userMessage =
    'message' in scene.user
      ? `<discord-message author="Amina" avatar="${AVATAR.user}">${scene.user.replyTo ? `<discord-reply slot="reply" author="Dossier" bot avatar="${AVATAR.bot}">${escape(scene.user.replyTo)}</discord-reply>` : ''}${escape(scene.user.message)}${scene.reaction ? `<div class="reaction">${scene.reaction} 1</div>` : ''}</discord-message>`
      : '';
  const reply = 'command' in scene.user ? `<discord-command slot="reply" author="Amina" avatar="${AVATAR.user}" command="${escape(scene.user.command)}"></discord-command>` : '';
  const { content, embeds, components } = scene.payload;
  const bot = `<discord-message author="Dossier" bot avatar="${AVATAR.bot}"${scene.ephemeral ? ' ephemeral' : ''}>${reply}${content ? markdown(content) : ''}${attachmentHtml(scene)}${embeds.map((e) => embedHtml(e)).join('')}${componentsHtml(components)}</discord-message>`;
  // A reaction-and-DM notice is seen in the DM channel: the user's message stays in the channel, silent.
  const body = scene.reaction ? `${userMessage}</discord-messages><p class="note">Direct message:</p><discord-messages>${bot}` : `${userMessage}${bot}`;
  return `<!doctype html><html><head><meta charset="utf-8"><script src="${bundleUrl}"></script>
<style>html,body{margin:0;background:#313338} .note{color:#b5bac1;font:13px sans-serif;margin:8px 16px} .reaction{display:inline-block;margin-top:4px;padding:2px 8px;border-radius:8px;background:#373a54;border:1px solid #5865f2;color:#dee0fc;font:14px sans-serif}</style></head>
<body><discord-messages>${body}</discord-messages></body></html>`;
}

function svgEmoji(emoji: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><text x="16" y="26" font-size="26" text-anchor="middle">${emoji}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

// An attached picture, above the embeds as Discord draws it: at most 520 px wide, narrower on a phone.
function attachmentHtml(scene: Scene): string {
  if (!scene.image) return '';
  return `<img slot="attachments" alt="" src="data:image/png;base64,${scene.image.toString('base64')}" style="display:block;max-width:min(520px,100%);height:auto;margin:4px 0;border-radius:8px">`;
}

function embedHtml(embed: APIEmbed): string {
  const color = `#${(embed.color ?? 0x2b2d31).toString(16).padStart(6, '0')}`;
  const author = embed.author ? ` author-name="${escape(embed.author.name)}"` : '';
  const fields = embed.fields?.length
    ? `<discord-embed-fields slot="fields">${embed.fields.map((f) => `<discord-embed-field field-title="${escape(f.name)}"${f.inline ? ' inline' : ''}>${markdown(f.value)}</discord-embed-field>`).join('')}</discord-embed-fields>`
    : '';
  return `<discord-embed slot="embeds" color="${color}"${embed.title ? ` embed-title="${escape(embed.title)}"` : ''}${author}>${embed.description ? `<discord-embed-description slot="description">${markdown(embed.description)}</discord-embed-description>` : ''}${fields}${embed.footer ? `<discord-embed-footer slot="footer">${escape(embed.footer.text)}</discord-embed-footer>` : ''}</discord-embed>`;
}

function componentsHtml(rows: MessagePayload['components']): string {
  if (!rows.length) return '';
  const style = (s: number) => ({ 1: 'primary', 2: 'secondary', 3: 'success', 4: 'destructive' })[s] ?? 'secondary';
  const buttons = (row: MessagePayload['components'][number]) =>
    row.components
      .map((b) => {
        const emoji = 'emoji' in b && b.emoji?.name ? ` emoji="${svgEmoji(b.emoji.name)}"` : '';
        return `<discord-button type="${style(b.style)}"${b.disabled ? ' disabled' : ''}${emoji}>${escape(('label' in b && b.label) || '')}</discord-button>`;
      })
      .join('');
  return `<discord-attachments slot="components">${rows.map((row) => `<discord-action-row>${buttons(row)}</discord-action-row>`).join('')}</discord-attachments>`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The Markdown the bot sends (bold, italics, block quotes, masked links, lines) as the components draw it. */
function markdown(text: string): string {
  const inline = (line: string) =>
    escape(line)
      .replace(/\[((?:\\.|[^\]\\])*)\]\(([^)]+)\)/g, (_, label: string, url: string) => `<discord-link href="${url}">${label.replace(/\\([[\]])/g, '$1')}</discord-link>`)
      .replace(/\*\*(.+?)\*\*/g, '<discord-bold>$1</discord-bold>')
      .replace(/(^|\s)\*(.+?)\*(?=$|\s)/g, '$1<discord-italic>$2</discord-italic>');
  const out: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length) out.push(`<discord-quote>${quote.join('<br>')}</discord-quote>`);
    quote = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('> ')) quote.push(inline(line.slice(2)));
    else {
      flush();
      out.push(`${inline(line)}<br>`);
    }
  }
  flush();
  return out.join('').replace(/(<br>)+$/, '');
}

await main();
