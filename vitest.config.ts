import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    // Some tests run the normalizer or a full build.
    testTimeout: 60_000,
    // Inline projects inherit the options above (arrays such as `include` would be appended,
    // so each project names its own).
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/browser/**'],
        },
      },
      {
        // Chromium against the built site: the global setup builds and serves it once per run,
        // and only when a browser test is selected (`npx vitest run tests/browser`).
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
