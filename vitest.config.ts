import { defineConfig } from 'vitest/config';

// .ci/run asks for a JSON report too, to print a plain "N passed, N failed" closing line.
const report = process.env.TEST_REPORT_FILE;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    setupFiles: ['test/support/isolate-home.ts', 'test/support/fail-on-react-warnings.ts'],
    testTimeout: 20_000,
    // One file at a time: on a 2-core machine this is as fast as parallel files, and the
    // terminal tests, which type at a person's pace, never compete for the CPU.
    fileParallelism: false,
    ...(report ? { reporters: ['default', 'json'], outputFile: { json: report } } : {}),
  },
});
