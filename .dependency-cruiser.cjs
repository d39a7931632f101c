/**
 * The import boundaries of CivicGrid (docs/architecture.md), checked by `npm run lint` and in .ci/run.
 * Layers, bottom up: contracts → kernel → modules (each behind its index.ts) → app composition
 * (app.ts, main.ts, cli.ts, modules/registry.ts); the web console sees only contracts.
 */
const TEST = '\\.test\\.tsx?$';

module.exports = {
  forbidden: [
    {
      name: 'contracts-at-the-bottom',
      comment: 'src/contracts holds the shared zod schemas and enums: it imports nothing of ours above it.',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { path: '^(src/|web/)', pathNot: '^src/contracts/' },
    },
    {
      name: 'kernel-knows-no-module',
      comment: 'The kernel is shared machinery with no business rules: it never imports a module or the app.',
      severity: 'error',
      from: { path: '^src/kernel/', pathNot: TEST },
      to: { path: '^src/(modules/|test-support/|app\\.ts|main\\.ts|cli\\.ts)' },
    },
    {
      name: 'kernel-tests-through-the-harness',
      comment: 'A kernel test may build the whole app, but only through the test harness.',
      severity: 'error',
      from: { path: `^src/kernel/.*${TEST}` },
      to: { path: '^src/modules/' },
    },
    {
      name: 'module-through-its-index',
      comment: "A module uses another only through that module's index.ts (its descriptor and public API).",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: TEST },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'module-tests-through-index-or-test-kit',
      comment:
        "A module's tests may also open another module's test kit (its fixture of the demo district), never its other internals.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/.*\\.test\\.tsx?$' },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$', '^src/modules/[^/]+/(http/)?test-kit\\.ts$'],
      },
    },
    {
      name: 'composition-through-the-index',
      comment: 'The app, the CLI, the registry and the test harness also see modules only through index.ts.',
      severity: 'error',
      from: { path: '^src/(app|main|cli)\\.ts$|^src/modules/(registry|module)\\.ts$|^src/test-support/' },
      to: { path: '^src/modules/[^/]+/.', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'modules-not-into-the-app',
      comment: 'Modules do not import the composition (app, main, cli, registry) — it imports them.',
      severity: 'error',
      from: { path: '^src/modules/', pathNot: [TEST, '(^|/)test-kit\\.ts$', '/testing/'] },
      to: { path: '^src/(app|main|cli)\\.ts$|^src/modules/registry\\.ts$|^src/test-support/' },
    },
    {
      name: 'domain-is-pure',
      comment:
        'domain/ holds pure rules: no database, HTTP, clock, files or other layers of its module (time comes in as an argument).',
      severity: 'error',
      from: { path: '^src/modules/[^/]+/domain/', pathNot: TEST },
      to: {
        path: [
          '^src/kernel/(db|http|jobs|files|audit|xlsx)/',
          '^src/kernel/clock\\.ts$',
          '^src/modules/[^/]+/(store|http|commands|demo)/',
          '^src/modules/[^/]+/index\\.ts$',
          '(^|/)node_modules/(fastify|@fastify|kysely|pg|better-sqlite3|exceljs|sharp)/',
          '^(fs|path|node:fs|node:path|http|node:http)$',
        ],
      },
    },
    {
      name: 'web-sees-only-contracts',
      comment: 'The console imports nothing of the server but src/contracts (types, enums, schemas).',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(src|bench|e2e)/', pathNot: '^src/contracts/' },
    },
    {
      name: 'no-orphan-test-support',
      comment: 'Only tests use the test harness.',
      severity: 'error',
      from: { path: '^src/', pathNot: [TEST, '^src/test-support/', '(^|/)test-kit\\.ts$', '(^|/)testing/'] },
      to: { path: '^src/test-support/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|data)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
  },
};
