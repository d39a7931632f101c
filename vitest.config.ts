import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/test-support/reply-validation.setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Every test opens its own database (in-memory SQLite, or a fresh PostgreSQL schema), so files run
    // side by side. Workers keep their loaded modules between files (no per-file re-import of Fastify,
    // sharp, exceljs …): module state must therefore never outlive a test's own database, which the
    // caches keyed by database already guarantee. 87 s → 37 s for the SQLite suite on 2 cores.
    fileParallelism: true,
    isolate: false,
  },
});
