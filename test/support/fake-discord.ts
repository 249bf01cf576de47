// A small fake of Discord's REST API and gateway on 127.0.0.1, for driving the real discord.js
// Client in tests. It speaks only what the bot uses, records every request, and refuses what
// real Discord refuses (over-long content and embeds, empty messages, bad tokens), with Discord's
// own numbers written here independently of the bot's code.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedRequest {
  method: string;
  /** Path under /api/v10, percent-decoded: `/webhooks/APP/TOKEN/messages/@original`. */
  path: string;
  body: any;
  files: { field: string; name: string; type: string; size: number; bytes: Buffer }[];
  authorization?: string;
  /** What the fake answered (a created message, with its id). */
  response?: any;
  /** Set when the fake refused the request, with Discord's error code. */
  rejected?: { status: number; code: number; problems: string[] };
}

export interface FakeUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot?: boolean;
}

const MANAGE_GUILD = 1n << 5n;
const EVERYDAY_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 16n);

// An odd timestamp: with two shards the test server belongs to the second one ((id >> 22) % 2 = 1),
// the shard that does not watch the corpus, whatever the millisecond the tests start.
let nextId = (BigInt(Date.now()) | 1n) << 22n;
export const snowflake = () => String(nextId++);

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly appId = snowflake();
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly botUser: FakeUser = { id: this.appId, username: 'Dossier', discriminator: '0', global_name: null, avatar: null, bot: true };
  readonly member: FakeUser = user('reader');
  readonly admin: FakeUser = user('admin');
  readonly commands: any[] = [];
  private readonly sockets = new Set<WebSocket>();
  private readonly waiters: { predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];
  private readonly messages = new Map<string, any>();
  /** Users a direct message can be opened with. */
  private readonly users = new Map<string, FakeUser>();
  private readonly hosted = new Map<string, { bytes: Buffer; type: string }>();
  private sequence = 0;

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    readonly token: string,
  ) {}

  static async start(token = `fake.${randomBytes(12).toString('hex')}`): Promise<FakeDiscord> {
    const server = createServer();
    const wss = new WebSocketServer({ server, path: '/gateway' });
    const fake = new FakeDiscord(server, wss, token);
    server.on('request', (req, res) => void fake.handleHttp(req, res));
    wss.on('connection', (socket) => fake.handleSocket(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What the bot's config points discord.js's REST at. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A new guild member, for tests that need users with their own rate limits. */
  createUser(name: string, options: { acceptsDirectMessages?: boolean } = {}): FakeUser {
    const created = user(name);
    if (options.acceptsDirectMessages ?? true) this.users.set(created.id, created);
    return created;
  }

  /**
   * Resolves with the first request (already made or to come) that matches. (The wait is generous: on a loaded
   * two-core machine a re-index before an answer took over 5 s; speed is measured by the bench, not here.)
   */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 15_000): Promise<RecordedRequest> {
    const seen = this.requests.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the fake Discord saw no such request in time')), timeoutMs);
      this.waiters.push({ predicate, resolve: (r) => (clearTimeout(timer), resolve(r)) });
    });
  }

  /** The requests made with one interaction's token (its callback, edits and follow-ups). */
  requestsFor(token: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes(`/${token}`));
  }

  /** Puts a file on the fake CDN, as Discord does with an upload; returns its attachment object. */
  hostFile(filename: string, content: string | Buffer, contentType = 'text/plain; charset=utf-8') {
    const id = snowflake();
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
    this.hosted.set(`/attachments/${id}/${filename}`, { bytes, type: contentType });
    const url = `http://127.0.0.1:${this.port}/attachments/${id}/${encodeURIComponent(filename)}`;
    return { id, filename, size: bytes.length, content_type: contentType, url, proxy_url: url };
  }

  /** Sends a slash command as a guild member; returns the interaction's token. */
  slashCommand(name: string, options: Record<string, string | boolean | { attachment: ReturnType<FakeDiscord['hostFile']> }> = {}, as: FakeUser = this.member, locale = 'en-US'): string {
    const token = `itoken-${randomBytes(8).toString('hex')}`;
    const attachments: Record<string, unknown> = {};
    const data = Object.entries(options).map(([option, value]) => {
      if (typeof value === 'object') {
        attachments[value.attachment.id] = value.attachment;
        return { name: option, type: 11, value: value.attachment.id };
      }
      return { name: option, type: typeof value === 'boolean' ? 5 : 3, value };
    });
    this.dispatch('INTERACTION_CREATE', {
      ...this.interactionBase(token, as, locale),
      type: 2,
      data: {
        id: this.commands.find((c) => c.name === name)?.id ?? snowflake(),
        name,
        type: 1,
        guild_id: this.guildId,
        options: data,
        ...(Object.keys(attachments).length ? { resolved: { attachments } } : {}),
      },
    });
    return token;
  }

  /** Clicks a button of a message the bot sent; returns the interaction's token. */
  clickButton(message: any, customId: string, as: FakeUser = this.member, locale = 'en-US'): string {
    const token = `itoken-${randomBytes(8).toString('hex')}`;
    this.dispatch('INTERACTION_CREATE', { ...this.interactionBase(token, as, locale), type: 3, message, data: { custom_id: customId, component_type: 2 } });
    return token;
  }

  /** Types `value` into a command's option that has autocomplete; returns the interaction's token. */
  autocomplete(name: string, option: string, value: string, as: FakeUser = this.member): string {
    const token = `itoken-${randomBytes(8).toString('hex')}`;
    this.dispatch('INTERACTION_CREATE', {
      ...this.interactionBase(token, as),
      type: 4,
      data: { id: this.commands.find((c) => c.name === name)?.id ?? snowflake(), name, type: 1, guild_id: this.guildId, options: [{ name: option, type: 3, value, focused: true }] },
    });
    return token;
  }

  /** Posts a message in the guild channel; `mentionBot` puts the bot in its mentions as Discord does for <@id>. */
  postMessage(content: string, options: { mentionBot?: boolean; replyTo?: any; author?: FakeUser } = {}): string {
    const id = snowflake();
    const author = options.author ?? this.member;
    const mentions = options.mentionBot ? [this.botUser] : [];
    this.dispatch('MESSAGE_CREATE', {
      ...messageObject(id, this.channelId, author, { content }),
      guild_id: this.guildId,
      member: memberObject(author, EVERYDAY_PERMISSIONS),
      mentions,
      ...(options.replyTo
        ? { type: 19, message_reference: { message_id: options.replyTo.id, channel_id: this.channelId, guild_id: this.guildId }, referenced_message: options.replyTo }
        : {}),
    });
    return id;
  }

  /** A direct message to the bot, in a DM channel the client has not seen yet; returns the channel id. */
  postDirectMessage(content: string, author: FakeUser = this.member): string {
    const channelId = snowflake();
    // Discord marks a DM with channel_type 1; discord.js needs it to make the channel.
    this.dispatch('MESSAGE_CREATE', { ...messageObject(snowflake(), channelId, author, { content }), channel_type: 1, mentions: [] });
    return channelId;
  }

  private interactionBase(token: string, as: FakeUser, locale = 'en-US') {
    const permissions = as === this.admin ? EVERYDAY_PERMISSIONS | MANAGE_GUILD : EVERYDAY_PERMISSIONS;
    return {
      id: snowflake(),
      application_id: this.appId,
      token,
      version: 1,
      guild_id: this.guildId,
      channel_id: this.channelId,
      channel: { id: this.channelId, type: 0, guild_id: this.guildId, name: 'general' },
      member: memberObject(as, permissions),
      app_permissions: String(EVERYDAY_PERMISSIONS | (1n << 14n) | (1n << 15n)),
      locale,
      guild_locale: 'en-US',
      // discord.js's dispatch reads both; without them it throws and the interaction is lost.
      entitlements: [],
      authorizing_integration_owners: {},
      context: 0,
    };
  }

  /** The shards that identified, as [id, count] (a bot without a ShardingManager is [0, 1]). */
  readonly identified: [number, number][] = [];
  // The shard a socket identified as: Discord sends a guild's events to the shard that owns the guild
  // ((guild_id >> 22) % count), and direct messages to shard 0.
  private readonly shardOf = new Map<WebSocket, [number, number]>();

  private dispatch(event: string, data: unknown): void {
    const frame = JSON.stringify({ op: 0, t: event, s: ++this.sequence, d: data });
    const guildId = (data as { guild_id?: string }).guild_id;
    for (const socket of this.sockets) {
      const [id, count] = this.shardOf.get(socket) ?? [0, 1];
      if (guildId ? ownerShard(guildId, count) === id : id === 0) socket.send(frame);
    }
  }

  private handleSocket(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 } }));
    socket.on('message', (raw: Buffer) => {
      const frame = JSON.parse(raw.toString()) as { op: number; d: any };
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (frame.op !== 2) return;
      if (frame.d?.token !== this.token) {
        socket.close(4004, 'Authentication failed.');
        return;
      }
      const send = (t: string, d: unknown) => socket.send(JSON.stringify({ op: 0, t, s: ++this.sequence, d }));
      const shard = (frame.d?.shard as [number, number] | undefined) ?? [0, 1];
      this.identified.push(shard);
      this.shardOf.set(socket, shard);
      const ownsGuild = ownerShard(this.guildId, shard[1]) === shard[0];
      send('READY', {
        v: 10,
        user: this.botUser,
        guilds: ownsGuild ? [{ id: this.guildId, unavailable: true }] : [],
        session_id: randomBytes(8).toString('hex'),
        resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
        shard,
        application: { id: this.appId, flags: 0 },
      });
      if (!ownsGuild) return;
      send('GUILD_CREATE', {
        id: this.guildId,
        name: 'Test server',
        owner_id: this.admin.id,
        roles: [{ id: this.guildId, name: '@everyone', permissions: String(EVERYDAY_PERMISSIONS), position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
        channels: [{ id: this.channelId, type: 0, name: 'general', guild_id: this.guildId, position: 0, permission_overwrites: [] }],
        members: [memberObject(this.botUser, EVERYDAY_PERMISSIONS)],
        member_count: 3,
        joined_at: new Date().toISOString(),
        unavailable: false,
        large: false,
        features: [],
        emojis: [],
        stickers: [],
        threads: [],
        presences: [],
        voice_states: [],
      });
    });
  }

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ''));
    const request: RecordedRequest = { method: req.method ?? 'GET', path, body: undefined, files: [], authorization: req.headers.authorization };
    await parseBody(request, Buffer.concat(chunks), req.headers['content-type']);

    const reply = (status: number, body?: unknown) => {
      request.response = body;
      this.record(request);
      res.writeHead(status, body === undefined ? {} : { 'Content-Type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const refuse = (status: number, code: number, problems: string[]) => {
      request.rejected = { status, code, problems };
      reply(status, { code, message: problems.join('; '), errors: {} });
    };

    const file = this.hosted.get(decodeURIComponent(url.pathname));
    if (request.method === 'GET' && url.pathname.startsWith('/attachments/')) {
      this.record(request);
      res.writeHead(file ? 200 : 404, { 'Content-Type': file?.type ?? 'text/plain' });
      res.end(file?.bytes ?? 'Not found');
      return;
    }
    const botRoute = !path.startsWith('/interactions/') && !path.startsWith('/webhooks/');
    if (botRoute && req.headers.authorization !== `Bot ${this.token}`) return refuse(401, 0, ['401: Unauthorized']);

    if (request.method === 'GET' && path === '/gateway/bot') {
      return reply(200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      });
    }
    let match: RegExpMatchArray | null;
    if (request.method === 'PUT' && (match = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      if (match[1] !== this.appId) return refuse(403, 50001, ['Missing Access']);
      this.commands.splice(0, this.commands.length, ...(request.body as any[]).map((c) => ({ ...c, id: snowflake(), application_id: this.appId, version: snowflake(), guild_id: match![2] })));
      return reply(200, this.commands);
    }
    if (request.method === 'POST' && (match = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      const { type, data } = request.body as { type: number; data?: any };
      if (type === 4 || type === 7) {
        const problems = messageProblems(data ?? {}, request.files.length);
        if (problems.length) return refuse(400, 50035, problems);
      }
      if (type === 4 || type === 5) this.messages.set(`original:${match[2]}`, messageObject(snowflake(), this.channelId, this.botUser, data ?? {}));
      return reply(204);
    }
    if (request.method === 'PATCH' && (match = path.match(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/))) {
      const original = this.messages.get(`original:${match[2]}`);
      if (!original) return refuse(404, 10008, ['Unknown Message']);
      const updated = { ...original, ...request.body, attachments: request.files.map(attachmentObject) };
      const problems = messageProblems(updated, request.files.length);
      if (problems.length) return refuse(400, 50035, problems);
      this.messages.set(`original:${match[2]}`, updated);
      return reply(200, updated);
    }
    if (request.method === 'POST' && (match = path.match(/^\/webhooks\/(\d+)\/([^/]+)$/))) {
      const problems = messageProblems(request.body ?? {}, request.files.length);
      if (problems.length) return refuse(400, 50035, problems);
      return reply(200, messageObject(snowflake(), this.channelId, this.botUser, request.body));
    }
    if (request.method === 'POST' && (match = path.match(/^\/channels\/(\d+)\/typing$/))) return reply(204);
    if (request.method === 'PUT' && path.match(/^\/channels\/\d+\/messages\/\d+\/reactions\/[^/]+\/@me$/)) return reply(204);
    if (request.method === 'DELETE' && path.match(/^\/channels\/\d+\/messages\/\d+$/)) return reply(204);
    if (request.method === 'POST' && path === '/users/@me/channels') {
      const recipient = this.users.get(request.body?.recipient_id);
      if (!recipient) return refuse(400, 50007, ['Cannot send messages to this user']);
      return reply(200, { id: snowflake(), type: 1, last_message_id: null, recipients: [recipient] });
    }
    if (request.method === 'POST' && (match = path.match(/^\/channels\/(\d+)\/messages$/))) {
      const problems = messageProblems(request.body ?? {}, request.files.length);
      if (problems.length) return refuse(400, 50035, problems);
      return reply(200, messageObject(snowflake(), match[1]!, this.botUser, { ...request.body, attachments: request.files.map(attachmentObject) }));
    }
    return refuse(404, 0, [`404: Not Found (${request.method} ${path})`]);
  }

  private record(request: RecordedRequest): void {
    this.requests.push(request);
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(request)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(request);
      }
    }
  }
}

function user(name: string): FakeUser {
  return { id: snowflake(), username: name, discriminator: '0', global_name: name, avatar: null };
}

function memberObject(u: FakeUser, permissions: bigint) {
  return { user: u, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, permissions: String(permissions) };
}

export function messageObject(id: string, channelId: string, author: FakeUser, data: any) {
  return {
    id,
    channel_id: channelId,
    author,
    content: data.content ?? '',
    embeds: data.embeds ?? [],
    components: data.components ?? [],
    attachments: data.attachments ?? [],
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    type: 0,
    flags: data.flags ?? 0,
    tts: false,
    pinned: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    ...(data.message_reference ? { message_reference: data.message_reference } : {}),
  };
}

function attachmentObject(file: RecordedRequest['files'][number], index: number) {
  return { id: String(index), filename: file.name, size: file.size, content_type: file.type, url: `https://cdn.invalid/${file.name}`, proxy_url: `https://cdn.invalid/${file.name}` };
}

async function parseBody(request: RecordedRequest, raw: Buffer, contentType: string | undefined): Promise<void> {
  if (!raw.length) return;
  if (contentType?.startsWith('multipart/form-data')) {
    // undici's Response parses multipart bodies: payload_json plus files[n] parts.
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') request.body = JSON.parse(value);
      } else {
        const bytes = Buffer.from(await value.arrayBuffer());
        request.files.push({ field, name: value.name, type: value.type, size: bytes.length, bytes });
      }
    }
    return;
  }
  request.body = JSON.parse(raw.toString('utf8'));
}

/** Discord's message rules (API docs: Create Message, Embed Limits, Component limits). */
function messageProblems(message: any, fileCount: number): string[] {
  const problems: string[] = [];
  const embeds: any[] = message.embeds ?? [];
  const components: any[] = message.components ?? [];
  const attachments: any[] = message.attachments ?? [];
  if ((message.content ?? '').length > 2000) problems.push('content: Must be 2000 or fewer in length.');
  if (!message.content && !embeds.length && !components.length && !fileCount && !attachments.length && !message.poll) {
    problems.push('Cannot send an empty message');
  }
  if (embeds.length > 10) problems.push('embeds: Must be 10 or fewer in length.');
  let total = 0;
  embeds.forEach((embed, i) => {
    const sized = (value: string | undefined, max: number, where: string) => {
      total += value?.length ?? 0;
      if ((value?.length ?? 0) > max) problems.push(`embeds.${i}.${where}: Must be ${max} or fewer in length.`);
    };
    sized(embed.title, 256, 'title');
    sized(embed.description, 4096, 'description');
    sized(embed.footer?.text, 2048, 'footer.text');
    sized(embed.author?.name, 256, 'author.name');
    if ((embed.fields ?? []).length > 25) problems.push(`embeds.${i}.fields: Must be 25 or fewer in length.`);
    (embed.fields ?? []).forEach((field: any, j: number) => {
      if (!field.name || !field.value) problems.push(`embeds.${i}.fields.${j}: name and value are required.`);
      sized(field.name, 256, `fields.${j}.name`);
      sized(field.value, 1024, `fields.${j}.value`);
    });
  });
  if (total > 6000) problems.push('embeds: Embed size exceeds maximum size of 6000');
  if (components.length > 5) problems.push('components: Must be 5 or fewer in length.');
  components.forEach((row, i) => {
    if ((row.components ?? []).length > 5) problems.push(`components.${i}.components: Must be 5 or fewer in length.`);
    (row.components ?? []).forEach((c: any, j: number) => {
      if (c.custom_id !== undefined && (c.custom_id.length === 0 || c.custom_id.length > 100)) problems.push(`components.${i}.components.${j}.custom_id: 1 to 100 characters.`);
      if ((c.label ?? '').length > 80) problems.push(`components.${i}.components.${j}.label: Must be 80 or fewer in length.`);
    });
  });
  return problems;
}

/** The shard that owns a guild, as Discord computes it. */
function ownerShard(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
