import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Both projects run in one `vitest run`; each keeps the environment and isolation its code needs.
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          // Replies are checked against their routes' declared schemas (kernel/http/route.ts).
          setupFiles: ['src/test-support/reply-validation.setup.ts'],
          // Every test opens its own database (in-memory SQLite, or a fresh PostgreSQL schema), so files run
          // side by side. Workers keep their loaded modules between files (no per-file re-import of Fastify,
          // sharp, exceljs …): module state must therefore never outlive a test's own database, which the
          // caches keyed by database already guarantee. 87 s → 37 s for the SQLite suite on 2 cores.
          fileParallelism: true,
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          include: ['web/src/**/*.test.ts', 'web/src/**/*.test.tsx'],
          environment: 'happy-dom',
          // Web modules hold state (the IndexedDB connection, the outbox's send chain, React roots):
          // each file starts from fresh modules.
          isolate: true,
          setupFiles: ['web/src/test/setup.ts'],
        },
      },
    ],
  },
});
