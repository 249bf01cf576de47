// A corpus with every kind of bad file, indexed by the real CLI: each is named with its reason and
// skipped, the rest indexes, and an indexed article whose file breaks keeps its indexed version.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliProcess } from '../support/processes.js';
import { makeWorkspace } from '../support/workspace.js';
import { cli, expectCleanOutput, expectWholeAndAnswering, indexedArticles, report } from './recovery.js';

const SIZE_LIMIT = 2 * 1024 * 1024;

describe('a corpus with every kind of bad file', () => {
  it('reports each with its path and reason, skips it, indexes the rest, and still answers', async () => {
    const workspace = makeWorkspace();
    expect((await cli(workspace, 'index')).code).toBe(0);
    const put = (name: string, content: string | Buffer) => writeFileSync(path.join(workspace.corpusDir, name), content);
    const bad: Record<string, RegExp> = {
      'empty.md': /empty|no text/i,
      'empty.html': /no main text/,
      'tagless.html': /no main text/,
      'binary.md': /not valid UTF-8|binary/,
      'latin1.md': /not valid UTF-8/,
      'huge.md': /larger than/,
      'broken-front-matter.md': /front matter/,
      'linked.md': /symbolic link/,
      'nested/dangling.txt': /symbolic link/,
    };
    put('empty.md', '');
    put('empty.html', '');
    put('tagless.html', 'just words, no tags at all');
    put('binary.md', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)));
    put('latin1.md', Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\n---\nCaf'), Buffer.from([0xe9, 0x20]), Buffer.from('cr\xe8me.\n', 'latin1')]));
    put('huge.md', `---\ntitle: Huge\n---\n${'Une phrase de plus pour remplir. '.repeat(Math.ceil(SIZE_LIMIT / 30))}`);
    put('broken-front-matter.md', '---\ntitle: "unclosed\npublished: 2024-13-45\n---\nUn texte.\n');
    const outside = path.join(workspace.root, 'outside.md');
    writeFileSync(outside, '---\ntitle: Outside\n---\nHors du corpus.\n');
    symlinkSync(outside, path.join(workspace.corpusDir, 'linked.md'));
    mkdirSync(path.join(workspace.corpusDir, 'nested'));
    symlinkSync(path.join(workspace.root, 'gone.txt'), path.join(workspace.corpusDir, 'nested/dangling.txt'));
    // An indexed article whose front matter gets a typo: kept as it was indexed, with a warning.
    const afp = path.join(workspace.corpusDir, '2024-07-retrait-soldats-americains-afp.md');
    writeFileSync(afp, readFileSync(afp, 'utf8').replace('title:', 'title: [unclosed'));

    const run = await cliProcess(['index'], workspace.env);
    expectCleanOutput(run.out + run.err);
    expect(run.code).toBe(0);
    for (const [name, reason] of Object.entries(bad)) {
      const line = run.err.split('\n').find((l) => l.includes(path.join(workspace.corpusDir, name)));
      expect(line, name).toBeDefined();
      expect(line, name).toMatch(reason);
    }
    expect(run.err).toMatch(/Kept the indexed version of 2024-07-retrait-soldats-americains-afp\.md/);
    expect(run.out).toMatch(/skipped 10 unreadable file\(s\)/);
    expect(await indexedArticles(workspace)).toBe(5);
    await expectWholeAndAnswering(workspace, { reindex: false });
    report('bad files', { kinds: Object.keys(bad).length + 1, 'reported-with-reason': Object.keys(bad).length + 1, failures: 0 });
    workspace.cleanup();
  });
});
