import { z } from 'zod';

// Imported first by main.tsx, before any schema is built: zod's JIT probes with `new Function`, which the
// console's Content-Security-Policy (no 'unsafe-eval') refuses and reports on every page load.
z.config({ jitless: true });
