import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Some tests run the normalizer or a full build.
    testTimeout: 60_000,
  },
});
