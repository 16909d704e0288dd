// Lint: the Office add-in rules (load before read, sync after load, no sync in loops, isNullObject) and
// typescript-eslint's recommended rules on our TypeScript. Formatting is not linted (no prettier rule):
// the code base is not prettier-formatted and a formatter is no correctness check.
import officeAddins from 'eslint-plugin-office-addins';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['node_modules/**', 'lib/**', 'dist/**', 'coverage/**', '**/*.js', '**/*.cjs'] },
  ...officeAddins.configs.recommended,
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['**/*.ts', '**/*.tsx'] })),
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      'prettier/prettier': 'off',
      'no-undef': 'off', // TypeScript checks names (Excel, Office, globals) better than this rule can
      // typescript-eslint 8.8 reads options ESLint 9.39 no longer defaults: give them explicitly.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: false, allowTernary: false, allowTaggedTemplates: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The Office.js rules are for code that talks to Office.js; elsewhere (ExcelJS in src/apply/xlsx, the
    // fake's contract tests that read before load on purpose) they only misfire.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['src/apply/office/**', 'src/taskpane/**', 'src/commands/**'],
    rules: {
      'office-addins/call-sync-after-load': 'off',
      'office-addins/call-sync-before-read': 'off',
      'office-addins/load-object-before-read': 'off',
      'office-addins/no-context-sync-in-loop': 'off',
    },
  },
];
