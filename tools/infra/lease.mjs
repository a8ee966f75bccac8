// Leases: every script that uses the local infrastructure (npm start, npm test, npm run bench)
// holds one while it runs, so a run that started Kafka or maildev does not stop them under another
// run that is still using them (say `.ci/run` in a clean clone while `npm start` runs here).
import fs from 'node:fs';
import path from 'node:path';
import { alive, cacheDir, cmdline } from './util.mjs';

const dir = () => cacheDir('leases');

export function takeLease(what) {
  fs.mkdirSync(dir(), { recursive: true });
  const file = path.join(dir(), `${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, what, cwd: process.cwd(), since: new Date().toISOString() }));
  const release = () => fs.rmSync(file, { force: true });
  process.once('exit', release);
  return release;
}

/** Live leases of other processes: [{ pid, what, cwd, since }]. Stale ones are removed. */
export function otherLeases() {
  let files = [];
  try {
    files = fs.readdirSync(dir()).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  const out = [];
  for (const f of files) {
    const file = path.join(dir(), f);
    try {
      const lease = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (lease.pid === process.pid) continue;
      if (alive(lease.pid) && cmdline(lease.pid).includes('node')) out.push(lease);
      else fs.rmSync(file, { force: true });
    } catch {
      fs.rmSync(file, { force: true });
    }
  }
  return out;
}
