import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Pure modules, plugins and the importer: no build needed.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        // The built site: tests/site/global-setup.ts builds it once per run into a temp folder.
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          globalSetup: ['tests/site/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser and one server at a time: the CI machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
