// Watches the local broker while a long step (Jest) runs, so a broker that stops answering is said
// at once, with the reason its log gives, rather than found later as a hundred ECONNREFUSED tests.
// A CI run on 2026-12-07 lost its broker 17 minutes in and printed nothing about why.
import fs from 'node:fs';
import { brokerConfig } from './broker.mjs';
import { alive, portOpen, readPid } from '../infra/util.mjs';

const PID_MARKER = 'kafka.Kafka';
/** Log lines that say why a broker stopped serving. */
const REASON = /\b(ERROR|FATAL)\b|OutOfMemoryError|Too many open files|Shutting down|shut down|Halting|Exiting/;

/** The last `max` lines of the broker's log that say why it stopped, oldest first. */
export function brokerLogReasons(logFile, max = 25) {
  let text;
  try {
    text = fs.readFileSync(logFile, 'utf8');
  } catch {
    return [`(no log at ${logFile})`];
  }
  return text
    .split('\n')
    .filter((line) => REASON.test(line))
    .slice(-max)
    .map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line));
}

/**
 * Polls the broker's port every `intervalMs`. Two misses in a row count as lost: the watch prints
 * the time, whether the process still lives, and the log's reasons; it prints again when the broker
 * answers again. `stop()` returns what happened, for the run's summary (not ok while the broker is lost).
 */
export function watchBroker({ intervalMs = 5_000, log = console.error, overrides = {} } = {}) {
  const cfg = brokerConfig(overrides);
  const pid = readPid(cfg.pidFile, PID_MARKER);
  const events = [];
  let misses = 0;
  let lost = false;
  let polling = false;

  const poll = async () => {
    if (polling) return;
    polling = true;
    try {
      const open = await portOpen(cfg.port, cfg.host, 2_000);
      if (open) {
        if (lost) {
          events.push(`answered again at ${clock()}`);
          log(`\nkafka watch: the broker at ${cfg.address} answers again (${clock()})`);
        }
        misses = 0;
        lost = false;
        return;
      }
      misses += 1;
      if (misses < 2 || lost) return;
      lost = true;
      const process = pid ? (alive(pid) ? `pid ${pid} still alive` : `pid ${pid} has exited`) : 'not started by this run';
      events.push(`stopped answering at ${clock()} (${process})`);
      const reasons = pid ? brokerLogReasons(cfg.logFile) : [];
      log(
        `\nkafka watch: the broker at ${cfg.address} stopped answering at ${clock()} (${process}); every test using Kafka fails from here.` +
          (reasons.length ? `\nkafka watch: what ${cfg.logFile} says (ERROR/FATAL/shutdown lines, last ${reasons.length}):\n${reasons.join('\n')}` : ''),
      );
    } finally {
      polling = false;
    }
  };

  const timer = setInterval(() => void poll(), intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await poll();
      return { ok: !lost, note: events.length ? events.join('; ') : `answered throughout (${cfg.address})` };
    },
  };
}

function clock() {
  return new Date().toISOString().slice(11, 19);
}
