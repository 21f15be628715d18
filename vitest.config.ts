import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // API test files wait on PostgreSQL and on disk much of the time: two workers even on CI's 2 cores
    // (Vitest's default there is one) bring the suite from ~9 to ~6 minutes; every file has its own databases
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'domain',
          include: ['packages/*/src/**/*.test.ts', 'apps/api/src/**/domain/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'api',
          include: ['apps/api/src/**/*.test.ts', 'apps/api/test/**/*.test.ts'],
          exclude: ['apps/api/src/**/domain/**'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          globalSetup: ['apps/api/test/global-setup.ts'],
        },
      },
    ],
  },
});
