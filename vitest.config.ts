import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Tests never read the user's real settings: every run gets its own folder.
    env: { POSTMORTEM_WIZARD_CONFIG_DIR: '' },
    testTimeout: 20_000,
  },
});
