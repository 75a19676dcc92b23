// ESLint flat config. The architecture as import rules: nothing under src/core or src/cli imports `vscode`, the
// extension or the webviews (the core runs in plain Node for the CLI and unit tests); the extension (Node) and the
// webviews (browser) never import each other; both import the protocol between them from src/shared, which holds
// types only and is imported with `import type` (so it adds no code to either bundle).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

const NO_EVAL = { selector: 'CallExpression[callee.name="eval"]', message: 'No eval.' };

const SHARED_TYPES_ONLY = {
  group: ['**/shared/*'],
  allowTypeImports: true,
  message: 'src/shared holds types only: import it with `import type`.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', NO_EVAL],
    },
  },
  // No regular expression in src/ may backtrack super-linearly: every reader runs them on hostile text. 'potential'
  // also reports the cases whose ambiguity depends on the input reaching the pattern, which a filing always can.
  {
    files: ['src/**/*.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      'regexp/no-super-linear-move': ['error', { report: 'potential', ignoreSticky: false, ignorePartial: false }],
    },
  },
  // Names from a filing (elements, entities, codes, LaTeX commands, footnote ids) are looked up in Maps or
  // null-prototype tables (src/core/lookup.ts), never in plain objects: `<constructor/>` must not find
  // Object.prototype.constructor.
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        NO_EVAL,
        {
          selector:
            "VariableDeclarator[init.type='ObjectExpression'][id.typeAnnotation.typeAnnotation.typeName.name='Record'][id.typeAnnotation.typeAnnotation.typeArguments.params.0.type='TSStringKeyword']",
          message: 'A table keyed by strings inherits Object.prototype: use a Map or nameTable() (src/core/lookup.ts).',
        },
        {
          selector: "BinaryExpression[operator='in'][left.type!='Literal']",
          message: '`name in object` also finds inherited names: use Object.hasOwn() or a Map.',
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core and src/cli run outside VS Code: never import vscode here.' }],
          patterns: [
            {
              group: ['**/extension/**', '**/webview/**', '**/shared/**'],
              message: 'The core may not depend on the extension, the webviews or their protocol.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/extension/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/webview/**'], message: 'The webviews are browser bundles: share types through src/shared.' },
            SHARED_TYPES_ONLY,
          ],
        },
      ],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The webview runs in a browser: no vscode module.' }],
          patterns: [
            { group: ['**/extension/**'], message: 'The extension runs in Node: share types through src/shared.' },
            SHARED_TYPES_ONLY,
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/shared is read by the browser bundles too: no vscode module.' }],
          patterns: [
            {
              group: ['**/extension/**', '**/webview/**'],
              message: 'src/shared is imported by both sides and depends on neither.',
            },
            { group: ['**/core/**'], allowTypeImports: true, message: 'src/shared holds types only: `import type`.' },
          ],
        },
      ],
      // Types only: a value here would be code in both bundles.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'Program > :matches(VariableDeclaration, FunctionDeclaration, ClassDeclaration, TSEnumDeclaration), ExportNamedDeclaration > :matches(VariableDeclaration, FunctionDeclaration, ClassDeclaration, TSEnumDeclaration)',
          message: 'src/shared holds types only.',
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,cjs}', 'bench/**/*.{js,mjs,cjs}', 'test/**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        performance: 'readonly',
        window: 'readonly',
        document: 'readonly',
        getComputedStyle: 'readonly',
        globalThis: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
