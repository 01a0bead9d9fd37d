// Lint: typescript-eslint's recommended rules on the sources, tests and bench.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Probot hands every handler its Octokit (context.octokit): outside github/, only app.ts
    // reads it, to make the opaque client (github/types.ts) that the rest of src passes along.
    files: ['src/**/*.ts'],
    ignores: ['src/github/**', 'src/app/app.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='octokit']",
          message: "GitHub calls go through github/'s functions with the delivery's GitHubClient (reviews.github), not Probot's context.octokit.",
        },
      ],
    },
  },
);
