// The one place that fetches from the web: article pages and feeds. Every request is checked the same
// way: http(s) only, public addresses only (unless allowed), redirects followed by hand (each hop is
// checked again), a size limit counted on the stream, one deadline for the whole exchange, content
// types checked, and a User-Agent that names the bot.
//
// DNS rebinding: the address is checked where the connection is made, not before. The undici Agent
// gets a `lookup` that resolves the name, refuses if any address is not allowed, and hands the checked
// addresses to the socket, so there is no second resolution an attacker's DNS could answer differently.
// Hosts written as IP literals skip lookup, so they are checked before the request.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, request } from 'undici';
import { UserError } from '../errors.js';
import type { PrivateAddressPolicy } from '../config.js';
import { isAllowedAddress } from './addresses.js';

export interface FetchPolicy {
  allowPrivate: PrivateAddressPolicy;
  /** Most bytes read from one response body; the download stops past it. */
  maxBytes: number;
  /** Deadline for the whole fetch, redirects and body included. */
  timeoutMs: number;
  userAgent: string;
}

const MAX_REDIRECTS = 5;

export interface FetchRequest {
  /** Content types accepted (without parameters), e.g. text/html. */
  accept: readonly string[];
  /** Conditional request validators from a previous response. */
  etag?: string;
  lastModified?: string;
}

export type FetchResult =
  | { notModified: true; url: string }
  | { notModified: false; url: string; contentType: string; text: string; etag?: string; lastModified?: string };

/** Fetches `url` under `policy`; throws a UserError saying why when it cannot or must not. */
export async function safeFetch(url: string, policy: FetchPolicy, wanted: FetchRequest): Promise<FetchResult> {
  const signal = AbortSignal.timeout(policy.timeoutMs);
  const visited = new Set<string>();
  let current = checkUrl(url);
  try {
    for (let hop = 0; ; hop++) {
      checkHost(current, policy);
      visited.add(current.href);
      const response = await request(current, {
        method: 'GET',
        dispatcher: agentFor(policy.allowPrivate),
        signal,
        headers: {
          'user-agent': policy.userAgent,
          accept: `${wanted.accept.join(', ')};q=1, */*;q=0.1`,
          'accept-encoding': Object.keys(DECOMPRESSORS).join(', '),
          ...(wanted.etag ? { 'if-none-match': wanted.etag } : {}),
          ...(wanted.lastModified ? { 'if-modified-since': wanted.lastModified } : {}),
        },
      });
      const { statusCode, headers, body } = response;
      if (statusCode >= 300 && statusCode < 400 && statusCode !== 304) {
        discard(body);
        const location = header(headers, 'location');
        if (!location) throw failed(current, { en: `it answered HTTP ${statusCode} without saying where to go`, fr: `elle a répondu HTTP ${statusCode} sans dire où aller` });
        const next = checkUrl(new URL(location, current).href);
        if (visited.has(next.href)) throw failed(current, { en: 'it redirects in a loop', fr: 'elle redirige en boucle' });
        if (hop + 1 > MAX_REDIRECTS) throw failed(current, { en: `more than ${MAX_REDIRECTS} redirects`, fr: `plus de ${MAX_REDIRECTS} redirections` });
        current = next;
        continue;
      }
      if (statusCode === 304) {
        discard(body);
        return { notModified: true, url: current.href };
      }
      if (statusCode !== 200) {
        discard(body);
        throw failed(current, { en: `the server answered HTTP ${statusCode}`, fr: `le serveur a répondu HTTP ${statusCode}` });
      }
      const contentType = (header(headers, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!wanted.accept.includes(contentType)) {
        discard(body);
        throw new UserError('fetch-unsupported-type', {
          en: `${current.href} is ${contentType ? `of type ${contentType}` : 'of no declared type'}, not ${wanted.accept.join(' or ')}.`,
          fr: `${current.href} est ${contentType ? `de type ${contentType}` : 'sans type déclaré'}, pas ${wanted.accept.join(' ni ')}.`,
        });
      }
      const declared = Number(header(headers, 'content-length'));
      if (declared > policy.maxBytes) {
        discard(body);
        throw tooLarge(current, policy.maxBytes);
      }
      const bytes = await readAtMost(decompressed(body, header(headers, 'content-encoding'), current), policy.maxBytes, current);
      return {
        notModified: false,
        url: current.href,
        contentType,
        text: decode(bytes, header(headers, 'content-type')),
        etag: header(headers, 'etag'),
        lastModified: header(headers, 'last-modified'),
      };
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (signal.aborted) {
      throw new UserError('fetch-timeout', { en: `${current.href} did not answer within ${policy.timeoutMs / 1000} s.`, fr: `${current.href} n'a pas répondu en ${policy.timeoutMs / 1000} s.` }, { cause: error });
    }
    const forbidden = findForbidden(error);
    if (forbidden) throw forbidden;
    const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code ?? (error as Error).message;
    throw failed(current, { en: `it could not be reached (${reason})`, fr: `elle est injoignable (${reason})` }, error);
  }
}

/** Parses a link typed by a user: an absolute http(s) URL, or a UserError. */
export function checkUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new UserError('url-invalid', { en: `“${text.slice(0, 200)}” is not a link: give a full address starting with https://.`, fr: `« ${text.slice(0, 200)} » n'est pas un lien : donnez une adresse complète commençant par https://.` });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError('url-invalid', { en: `Only http and https links can be added, not ${url.protocol.replace(':', '')}.`, fr: `Seuls les liens http et https peuvent être ajoutés, pas ${url.protocol.replace(':', '')}.` });
  }
  if (url.username || url.password) throw new UserError('url-invalid', { en: 'Links with a user name or password are not fetched.', fr: "Les liens contenant un nom d'utilisateur ou un mot de passe ne sont pas suivis." });
  url.hash = '';
  return url;
}

// A host written as an address is never looked up, so it is checked here; names are checked at lookup.
function checkHost(url: URL, policy: FetchPolicy): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !isAllowedAddress(host, policy.allowPrivate)) throw forbiddenAddress(url.hostname, host);
}

class ForbiddenAddressError extends Error {
  readonly code = 'EFORBIDDENADDRESS';
  constructor(readonly userError: UserError) {
    super(userError.message);
  }
}

function forbiddenAddress(host: string, address: string): UserError {
  const shown = host === address ? address : `${host} (${address})`;
  return new UserError('url-forbidden', {
    en: `${shown} is a local or private network address; Dossier only fetches public web pages (an operator can allow private addresses with DOSSIER_FETCH_ALLOW_PRIVATE).`,
    fr: `${shown} est une adresse locale ou privée ; Dossier ne lit que des pages web publiques (l'administrateur peut autoriser les adresses privées avec DOSSIER_FETCH_ALLOW_PRIVATE).`,
  });
}

// undici wraps connection errors; the refusal made in lookup is somewhere in the cause chain.
function findForbidden(error: unknown): UserError | undefined {
  for (let e = error as { cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e instanceof ForbiddenAddressError) return e.userError;
  }
  return undefined;
}

const agents = new Map<string, Agent>();

function agentFor(allowPrivate: PrivateAddressPolicy): Agent {
  const key = JSON.stringify(allowPrivate);
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({ connect: { lookup: guardedLookup(allowPrivate), timeout: 10_000 }, keepAliveTimeout: 1_000 });
    agents.set(key, agent);
  }
  return agent;
}

function guardedLookup(allowPrivate: PrivateAddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { family: options.family, hints: options.hints, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((a) => !isAllowedAddress(a.address, allowPrivate));
      if (refused || !addresses.length) return callback(new ForbiddenAddressError(forbiddenAddress(hostname, refused?.address ?? 'no address')), '', 0);
      if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

type Body = Readable;

// Closes a response body not wanted (a redirect's, a refused one's); undici reports the abort as an
// error event, which is expected here.
function discard(body: Body): void {
  body.on('error', () => {});
  body.destroy();
}

const DECOMPRESSORS: Record<string, () => Transform> = { gzip: createGunzip, deflate: createInflate, br: createBrotliDecompress };

// The body as the page's bytes: undici's request does not decompress. The size limit is then counted
// on what decompression gives, so a small compressed body cannot expand past it (a zip bomb).
function decompressed(body: Body, encoding: string | undefined, url: URL): Body {
  const name = encoding?.trim().toLowerCase();
  if (!name || name === 'identity') return body;
  const make = DECOMPRESSORS[name === 'x-gzip' ? 'gzip' : name];
  if (!make) {
    discard(body);
    throw new UserError('fetch-unsupported-type', { en: `${url.href} is sent compressed with ${name}, which Dossier cannot read.`, fr: `${url.href} est envoyée compressée en ${name}, que Dossier ne sait pas lire.` });
  }
  const decoder = make();
  body.on('error', (error) => decoder.destroy(error));
  decoder.on('close', () => body.destroy());
  return body.pipe(decoder);
}

async function readAtMost(body: Body, limit: number, url: URL): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const part of body as AsyncIterable<Buffer>) {
    size += part.byteLength;
    if (size > limit) {
      discard(body);
      throw tooLarge(url, limit);
    }
    parts.push(part);
  }
  return Buffer.concat(parts);
}

function decode(bytes: Uint8Array, contentType: string | undefined): string {
  const declared = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1];
  // A page that declares its charset only in a <meta> tag (often in the first kilobyte).
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const inMeta = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  const inXml = /^<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head)?.[1];
  for (const label of [declared, inMeta, inXml, 'utf-8']) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // An unknown charset label: try the next guess.
    }
  }
  return new TextDecoder().decode(bytes);
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function failed(url: URL, reason: { en: string; fr: string }, cause?: unknown): UserError {
  return new UserError('fetch-failed', { en: `Could not fetch ${url.href}: ${reason.en}.`, fr: `Impossible de lire ${url.href} : ${reason.fr}.` }, { cause });
}

function tooLarge(url: URL, limit: number): UserError {
  const size = `${Math.round((limit / 1024 / 1024) * 10) / 10}`;
  return new UserError('fetch-too-large', { en: `${url.href} is larger than ${size} MiB: not fetched.`, fr: `${url.href} dépasse ${size} Mio : non téléchargée.` });
}
