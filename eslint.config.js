// ESLint: typescript-eslint's recommended type-checked rules, floating promises as errors. Generated and
// vendored files are ignored; the k6 scripts are checked with their own tsconfig (k6 types, ES2017).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'reports/', '.tmp/', 'load/validators/standalone.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Prettier wraps code at 120 columns but cannot break strings, template literals or comments.
      'max-len': ['error', { code: 120, ignoreUrls: true }],
    },
  },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  // A plain k6 script (npm run bench's fallback): k6 gives it __ENV.
  { files: ['scripts/bench/*.js'], languageOptions: { globals: { __ENV: 'readonly' } } },
  {
    // CommonJS (the mocha reporter, dependency-cruiser's config): require() is how such a file imports.
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
