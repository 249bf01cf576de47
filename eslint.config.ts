// ESLint: typescript-eslint's type-checked rules (floating and misused promises above all) and the
// one-way import direction of src/, which `layering` states and the lint enforces.
import js from '@eslint/js';
import type { Linter } from 'eslint';
import { importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// Lowest first. A folder (or root file) may import from its own layer's bottom files and from lower
// layers only; folders of one layer (answer, timeline; cli, discord) never import each other.
const LAYERS = [
  ['src/text'], // the leaf: everything else is above it, so it imports nothing of the project
  ['src/config.ts', 'src/errors.ts', 'src/files.ts', 'src/http.ts', 'src/types'],
  ['src/ingest'],
  ['src/embed'],
  ['src/index'],
  ['src/retrieve'],
  ['src/answer', 'src/timeline'],
  ['src/write'], // the optional writer reads answers
  ['src/engine.ts'],
  ['src/cli', 'src/discord'],
];

/** no-restricted-paths zones: every part may not import from any part of a higher layer or a sibling. */
function layerZones() {
  const zones: { target: string; from: string[]; message: string }[] = [];
  LAYERS.forEach((layer, level) => {
    const higher = LAYERS.slice(level + 1).flat();
    for (const target of layer) {
      const siblings = layer.filter((other) => other !== target && level !== 1);
      const from = [...higher, ...siblings];
      if (from.length) zones.push({ target: `./${target}`, from: from.map((f) => `./${f}`), message: 'imports go one way: see "How the code is laid out" in the README' });
    }
  });
  return zones;
}

export const layering: Linter.Config = {
  files: ['src/**/*.ts'],
  plugins: { 'import-x': importX },
  rules: {
    'import-x/no-restricted-paths': ['error', { zones: layerZones() }],
    'import-x/no-cycle': ['error', { ignoreExternal: true }],
  },
  settings: { 'import-x/resolver-next': [importX.createNodeResolver({ extensionAlias: { '.js': ['.ts', '.js'] } })] },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'embeddings/**', 'logs/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A let assigned once, later, but read by a closure before then (a signal handler) stays a let.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read JSON payloads (fake Discord, CLI output) as they come; the promise rules still hold there.
    files: ['test/**/*.ts'],
    rules: Object.fromEntries(
      ['no-unsafe-member-access', 'no-unsafe-assignment', 'no-unsafe-argument', 'no-unsafe-call', 'no-unsafe-return', 'no-explicit-any'].map((rule) => [`@typescript-eslint/${rule}`, 'off']),
    ),
  },
  layering,
);
