import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layering } from '../../eslint.config.js';

// The project's own import rules, on code that is only linted, never written to src/.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, layering],
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import direction', () => {
  it('rejects a stage importing a stage above it', async () => {
    expect(await problems('src/ingest/example.ts', "import { retrieve } from '../retrieve/hybrid.js';\nexport const x = retrieve;\n")).toEqual([
      expect.stringContaining('import-x/no-restricted-paths'),
    ]);
  });

  it('rejects answer and timeline importing each other, and the text leaf importing the project', async () => {
    expect(await problems('src/answer/example.ts', "import { buildTimeline } from '../timeline/timeline.js';\nexport const x = buildTimeline;\n")).toHaveLength(1);
    expect(await problems('src/text/example.ts', "import { UserError } from '../errors.js';\nexport const x = UserError;\n")).toHaveLength(1);
  });

  it('accepts imports that go down', async () => {
    expect(await problems('src/answer/example.ts', "import { indexTerms } from '../text/analysis.js';\nimport { retrieve } from '../retrieve/hybrid.js';\nexport const x = [indexTerms, retrieve];\n")).toEqual([]);
    expect(await problems('src/discord/example.ts', "import { Engine } from '../engine.js';\nexport const x = Engine;\n")).toEqual([]);
  });
});
