import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs everywhere in seconds; `integration` needs real brokers
// (kcat's librdkafka mock cluster, s3rver) that the suites start themselves.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.integration.test.ts', 'test/**/*.docker.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.integration.test.ts', 'test/**/*.docker.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
