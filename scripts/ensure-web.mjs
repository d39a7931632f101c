// Builds the web console before `npm start` when dist/web is missing or older than its sources,
// so `npm install && npm start` works on a fresh checkout and later starts stay fast.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const out = path.resolve('dist/web/index.html');
function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}
const built = fs.existsSync(out) ? fs.statSync(out).mtimeMs : 0;
const sources = Math.max(
  newest(path.resolve('web')),
  fs.statSync('vite.config.ts').mtimeMs,
  fs.statSync('package-lock.json').mtimeMs,
);
if (built < sources) {
  console.log('building the web console (vite build)…');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
