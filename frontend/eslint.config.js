// ESLint for the web app, its tests, the browser tests and the Node scripts (`npm run lint`; formatting is Prettier's,
// so no rule here is about layout: eslint-config-prettier turns those off).
import js from '@eslint/js'
import prettier from 'eslint-config-prettier/flat'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig([
  globalIgnores(['dist/', 'test-results/', 'playwright-report/', 'src/api/schema.d.ts']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended, jsxA11y.flatConfigs.recommended],
    languageOptions: { globals: globals.browser },
  },
  {
    // the theme picker runs before the app, as a classic script
    files: ['public/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
  {
    files: ['*.{ts,mjs,js}', 'e2e/**/*.ts', 'nginx/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      // `_name` says "deliberately unused" (a callback's parameter the caller passes anyway)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  prettier,
])
