import { readdirSync } from 'node:fs';

// `npm run bench -- <name>` runs bench/<name>.ts; the last line on stdout is one JSON object.
const benchDir = new URL('.', import.meta.url);
const available = readdirSync(benchDir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.slice(0, -'.ts'.length))
  .sort();

const name = process.argv[2];
if (!name || !available.includes(name)) {
  process.stderr.write(
    `${name ? `unknown bench "${name}"` : 'no bench named'}; available: ${available.join(', ') || '(none)'}\n`,
  );
  process.stderr.write('usage: npm run bench -- <name>\n');
  process.exit(1);
}

const bench = (await import(`./${name}.ts`)) as { run?: () => Promise<Record<string, unknown>> };
if (typeof bench.run !== 'function') {
  process.stderr.write(`bench/${name}.ts does not export run()\n`);
  process.exit(1);
}
const figures = await bench.run();
process.stdout.write(`${JSON.stringify({ bench: name, ...figures })}\n`);
