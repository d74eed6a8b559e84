import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Imports point one way: ui -> store -> worker -> core; permalink -> core; cli -> trace -> core.
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'node_modules', 'test-results', 'playwright-report', '.cache'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: restrict([
      {
        group: ['**/worker/**', '**/store/**', '**/ui/**', '**/cli/**', '**/permalink/**'],
        message: 'src/core imports nothing outside itself',
      },
      {
        group: ['react', 'react-dom', 'zustand', 'd3-*', 'node:*'],
        message: 'src/core is pure TypeScript',
      },
    ]),
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: restrict([
      {
        group: ['**/store/**', '**/ui/**', '**/cli/**', 'react', 'react-dom', 'zustand'],
        message: 'worker -> core only',
      },
    ]),
  },
  {
    files: ['src/store/**/*.ts'],
    rules: restrict([
      { group: ['**/ui/**', '**/cli/**', 'react-dom'], message: 'store -> worker -> core only' },
    ]),
  },
  {
    files: ['src/permalink/**/*.ts'],
    rules: restrict([
      {
        group: ['**/ui/**', '**/store/**', '**/worker/**', '**/cli/**'],
        message: 'permalink -> core types only',
      },
    ]),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict([
      {
        group: ['**/ui/**', '**/store/**', '**/worker/**', 'react', 'react-dom'],
        message: 'cli -> trace -> core only',
      },
    ]),
  },
  {
    // The trace importer runs in the worker and in the CLI: pure TypeScript on top of core.
    files: ['src/trace/**/*.ts'],
    ignores: ['src/trace/**/*.test.ts'],
    rules: restrict([
      {
        group: ['**/worker/**', '**/store/**', '**/ui/**', '**/cli/**', '**/permalink/**'],
        message: 'src/trace imports only src/core',
      },
      {
        group: ['react', 'react-dom', 'zustand', 'd3-*', 'node:*'],
        message: 'src/trace is pure TypeScript (it runs in a Web Worker)',
      },
    ]),
  },
  {
    files: ['src/trace/**/*.ts'],
    ignores: ['src/trace/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', 'window', 'document', 'self'].map((name) => ({
          name,
          message: 'src/trace runs in a Web Worker and in Node: no host globals',
        })),
      ],
    },
  },
);
