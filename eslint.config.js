// ESLint flat config: typescript-eslint's type-aware recommended rules over all TS sources.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'schemas/json/', 'coverage/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'bin/*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': 'off',
    },
  },
  {
    // Services depend on ports, never on a concrete adapter; only pipelines/ picks adapters.
    files: ['services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '\\.(kafka|s3|local|memory|duckdb|smtp|webhook)(\\.ts)?$', message: 'Services receive adapters from pipelines/; import the port instead.' },
          { group: ['kafkajs', '@aws-sdk/*', '@duckdb/*', 'nodemailer'], message: 'Services must not import infrastructure clients.' },
        ],
      }],
    },
  },
  {
    // The dashboard (services/api/dashboard/*.js): plain ES modules run by the browser as they
    // are, with no build step and outside tsconfig, so linted without type information.
    files: ['services/api/dashboard/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: globals.browser,
      sourceType: 'module',
      parserOptions: { program: null, project: false, projectService: false },
    },
  },
);
