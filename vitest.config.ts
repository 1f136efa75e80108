import { defineConfig } from 'vitest/config';

// .ci/run asks for a JSON report too, to print a plain "N passed, N failed" closing line.
const report = process.env.TEST_REPORT_FILE;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    setupFiles: ['test/support/isolate-home.ts', 'test/support/fail-on-react-warnings.ts'],
    testTimeout: 20_000,
    // Two files at a time: no file shares state with another (each has its own temp folders,
    // home and settings folder), and the many that drive a terminal at a person's pace mostly
    // wait, so a second file fills the time. (Vitest's default on 2 cores is one worker.)
    fileParallelism: true,
    maxWorkers: 2,
    ...(report ? { reporters: ['default', 'json'], outputFile: { json: report } } : {}),
  },
});
