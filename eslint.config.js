import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'tests/fixtures/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-properties': [
        'error',
        {
          property: 'innerHTML',
          message: 'Never build DOM from strings; page and note text stay text.',
        },
        { property: 'outerHTML', message: 'Never build DOM from strings.' },
        { property: 'insertAdjacentHTML', message: 'Never build DOM from strings.' },
      ],
    },
  },
  {
    files: ['tests/**', 'scripts/**'],
    rules: {
      'no-restricted-properties': 'off',
      // A focused, skipped or conditional test can let a suite pass without running what it claims.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'MemberExpression[object.name=/^(it|test|describe|suite|bench)$/][property.name=/^(only|skip|skipIf|runIf|todo|fails)$/]',
          message: 'No focused, skipped, conditional or todo tests: every test runs, every time.',
        },
        {
          selector:
            'MemberExpression[object.type="MemberExpression"][object.object.name=/^(it|test|describe|suite)$/][property.name=/^(only|skip|skipIf|runIf|todo|fails)$/]',
          message: 'No focused, skipped, conditional or todo tests: every test runs, every time.',
        },
        {
          selector: 'CallExpression[callee.object.name="ctx"][callee.property.name="skip"]',
          message: 'No test may skip itself at run time.',
        },
      ],
    },
  },
);
