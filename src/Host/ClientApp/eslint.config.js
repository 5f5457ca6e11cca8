import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'src/shared/api/schema.d.ts'] },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // A feature reaches another only through shared/ (docs/web.md).
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/features/*/**'], message: 'Import through shared/.' }] }],
    },
  },
  {
    // The app shell wires the features together; it alone may import them.
    files: ['src/app/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
