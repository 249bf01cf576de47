import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, type RecordedRequest } from '../support/fake-discord.js';
import { makeWorkspace, REPO } from '../support/workspace.js';

let fake: FakeDiscord;
let workspace: ReturnType<typeof makeWorkspace>;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  workspace = makeWorkspace({ env: { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.appId, DISCORD_API_URL: fake.apiUrl } });
});

afterAll(async () => {
  await fake?.close();
  workspace?.cleanup();
});

/** `npm start`'s entry point (or another) as its own process; resolves with its output and exit once it ends. */
function startProcess(env: Record<string, string>, onLine: (line: string, stop: (signal: NodeJS.Signals) => void) => void, entry = 'src/discord/main.ts') {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    // The process runs in the workspace (its .env, corpus and logs), so tsx is named by its path.
    const tsx = pathToFileURL(path.join(REPO, 'node_modules/tsx/dist/loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', tsx, path.join(REPO, entry)], {
      cwd: workspace.root,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const read = (data: Buffer) => {
      output += data.toString();
      for (const line of data.toString().split('\n').filter(Boolean)) onLine(line, (signal) => child.kill(signal));
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('npm start, as a process', () => {
  it('logs in, serves, and on SIGTERM disconnects and exits 0', async () => {
    const { code, output } = await startProcess(workspace.env, (line, stop) => {
      if (line.startsWith('Dossier is online')) stop('SIGTERM');
    });
    expect(output).toMatch(/Dossier is online as Dossier, answering from 5 articles \(keyword mode\)\./);
    expect(output).toMatch(/SIGTERM: finishing the current work and disconnecting/);
    expect(code).toBe(0);
  });

  it('without a token prints one line and exits 2', async () => {
    const { code, output } = await startProcess({ ...workspace.env, DISCORD_TOKEN: '' }, () => {});
    expect(output.trim()).toBe('Error: DISCORD_TOKEN is not set: put the bot token in .env (see .env.example).');
    expect(code).toBe(2);
  });
});

describe('npm run start:sharded, as a process', () => {
  it('starts one bot process per shard; the shard that owns the server (the second) answers its slash commands', async () => {
    let answered: Promise<RecordedRequest> | undefined;
    let token = '';
    const { code, output } = await startProcess(
      { ...workspace.env, DISCORD_SHARDS: '2' },
      (line, stop) => {
        if (!line.startsWith('Dossier runs as 2 shard(s)') || answered) return;
        token = fake.slashCommand('ask', { question: 'When did US troops leave Agadez?' });
        answered = fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(`/${token}/messages/`), 60_000);
        void answered.finally(() => stop('SIGTERM'));
      },
      'src/discord/shard.ts',
    );
    expect(answered).toBeDefined();
    expect(JSON.stringify((await answered!).body)).toContain('Early August 2024');
    // Delivered to its shard alone: one deferral, one answer.
    expect(fake.requestsFor(token).filter((r) => r.path.endsWith('/callback'))).toHaveLength(1);
    expect(fake.identified).toEqual(expect.arrayContaining([[0, 2], [1, 2]]));
    expect(output).toMatch(/shard 1 of 2 starting[\s\S]*shard 2 of 2 starting/);
    expect(code).toBe(0);
  }, 180_000);
});
