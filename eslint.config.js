// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import regexp from 'eslint-plugin-regexp';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Type-checked rules everywhere, plus the architecture's layer rules as lint rules:
 * the domain imports no SDK, adapters never import each other, the tab sees only `shared`,
 * and only src/config.ts reads process.env.
 */
const layer = (name) => ({
  regex: `^(\\.\\./)+(${name})(/|\\.js$)`,
  message: `This layer may not import ${name}; see docs/ARCHITECTURE.md.`,
});
const layers = [
  'domain',
  'storage',
  'search',
  'directory',
  'bot',
  'api',
  'tab',
  'shared',
  'demo',
  'config',
  'server',
  'main',
];
const forbid = (...names) => names.map(layer);

const restrict = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

// botbuilder stays inside src/bot, so a move to the Microsoft 365 Agents SDK stays local (ADR 0002).
const botbuilder = {
  regex: '^botbuilder',
  message: 'Only src/bot may import botbuilder (ADR 0002).',
};

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'appPackage/build/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  // Every regular expression must run in linear time: user text reaches many of them, and one
  // that backtracks blocks every request meanwhile (docs/SECURITY.md).
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      'regexp/no-super-linear-move': ['error', { report: 'potential', ignorePartial: false }],
      'regexp/no-misleading-capturing-group': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['src/tab/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // The Rules of React for the tab. `set-state-in-effect` only warns: it flags the one way every
  // loading hook of the tab starts a request (show "loading", then fetch, aborting on change),
  // which is correct and re-renders once; each hook moves off it when it is next reworked.
  {
    files: ['src/tab/**/*.{ts,tsx}', 'tests/component/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'react-hooks/set-state-in-effect': 'warn',
    },
  },
  // The domain: pure TypeScript, no packages, no Node built-ins, no other layer.
  restrict(
    ['src/domain/**/*.ts'],
    [
      { regex: '^[^.]', message: 'The domain imports no SDK, framework or Node built-in.' },
      ...forbid(...layers.filter((l) => l !== 'domain')),
    ],
  ),
  // Adapters depend on the domain (and the wire contract), never on each other.
  restrict(
    ['src/storage/**/*.ts'],
    [
      botbuilder,
      ...forbid('search', 'directory', 'bot', 'api', 'tab', 'shared', 'demo', 'server', 'main'),
    ],
  ),
  // The search index (the embedded one) sees only the domain, as the directory does.
  restrict(
    ['src/search/**/*.ts'],
    [botbuilder, ...forbid(...layers.filter((l) => l !== 'domain'))],
  ),
  // The directory (Microsoft Graph, or the demo people) sees only the domain.
  restrict(
    ['src/directory/**/*.ts'],
    [botbuilder, ...forbid(...layers.filter((l) => l !== 'domain'))],
  ),
  restrict(
    ['src/bot/**/*.ts'],
    forbid('storage', 'search', 'directory', 'api', 'tab', 'demo', 'server', 'main'),
  ),
  restrict(
    ['src/api/**/*.ts'],
    [
      botbuilder,
      ...forbid('storage', 'search', 'directory', 'bot', 'tab', 'demo', 'server', 'main'),
    ],
  ),
  restrict(
    ['src/demo/**/*.ts'],
    [
      botbuilder,
      ...forbid('storage', 'search', 'directory', 'bot', 'api', 'tab', 'shared', 'server', 'main'),
    ],
  ),
  // The composition root and the entry may wire every layer, but botbuilder only through src/bot.
  restrict(['src/*.ts'], [botbuilder]),
  // The wire contract stands alone: the tab bundles it.
  restrict(
    ['src/shared/**/*.ts'],
    [botbuilder, ...forbid(...layers.filter((l) => l !== 'shared'))],
  ),
  // The tab sees only `shared`, and only its types and constants (schemas pull in zod). Matched by
  // folder depth, because the tab has folders of its own named like layers (`api/`, `config.ts`).
  ...[1, 2, 3, 4].map((depth) =>
    restrict(
      [`src/tab/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
      [
        botbuilder,
        {
          regex: `^(\\.\\./){${depth}}(?!shared/(dto|inputs)\\.js$)`,
          message:
            'The tab imports only ../shared/dto.js and ../shared/inputs.js from outside src/tab.',
        },
      ],
    ),
  ),
  // Only src/config.ts reads the environment.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings in src/config.ts only.' },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
