// ESLint (`npm run lint`, which also runs `prettier --check .`). typescript-eslint's type-checked recommended rules
// over every TypeScript file, each typed by its own project's tsconfig.json (the project service finds it), ESLint's
// recommended rules over the JavaScript, and eslint-config-prettier last: formatting is prettier's alone. ADR 0016.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier/flat';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * Test code: the three test tiers, and the suites and fixtures they share (contract suites run by each adapter's
 * spec, fixture apps and children, services' and deploy's test/ folders).
 */
const TEST_FILES = [
  '**/*.spec.ts',
  '**/*.int-spec.ts',
  '**/*.e2e-spec.ts',
  '**/*.contract.ts',
  '**/fixtures/**/*.ts',
  '*/test/**/*.ts',
  'services/*/test/**/*.ts',
];

/** The Node globals our JavaScript (CommonJS configs and scripts, ES module scripts) uses. */
const NODE_GLOBALS = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'].map((name) => [name, 'readonly']),
);
const COMMONJS_GLOBALS = { require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly', __filename: 'readonly' };

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '.nx/',
    '.data/',
    'tmp/',
    'coverage/',
    'dist/',
    // The reporter site's build output and React Router's generated route types.
    'services/*/build/',
    'services/*/.react-router/',
    // Planted boundary violations, on purpose (tools/architecture/boundaries.spec.ts); not part of any project.
    'tools/architecture/fixtures/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A `let` read by a closure before its one assignment (a shutdown hook registered before start-up) cannot be
      // a const: the hook would hit the temporal dead zone.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // The codebase's convention for a deliberately unused name, as TypeScript's noUnused* checks honour it:
      // a leading underscore (`_body`), or the siblings left over when a rest element drops properties.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    rules: {
      // An async method without `await` implements an async port with synchronous work (key wrapping, the in-memory
      // vault for unit tests): `async` turns its throws into rejections, which is what callers of a port expect.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: TEST_FILES,
    rules: {
      // Tests read untyped bodies (supertest's `res.body` is `any`) and assert on them: typing every response in a
      // test only restates what the assertion checks.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // `expect(double.method).toHaveBeenCalled()` passes a method unbound, which Jest never calls with `this`.
      '@typescript-eslint/unbound-method': 'off',
      // Test doubles implement async ports with synchronous bodies (`handle: async (m) => void seen.push(m)`).
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['services/reporter-site/app/**/*.{ts,tsx}', 'services/portal/app/**/*.{ts,tsx}'],
    rules: {
      // React Router's way to answer a loader with a status (`throw data(null, { status: 404 })`) or to leave it for
      // another page (`throw redirect(…)`, a Response): the router catches either and answers with it; neither is an
      // error object, and is meant not to be.
      '@typescript-eslint/only-throw-error': [
        'error',
        {
          allow: [
            { from: 'package', package: 'react-router', name: 'DataWithResponseInit' },
            { from: 'lib', name: 'Response' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    // Our JavaScript is configuration and small scripts, in no tsconfig: linted without type information.
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', globals: COMMONJS_GLOBALS },
    rules: {
      // CommonJS files load their modules with require(): that is what they are.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  prettier,
);
