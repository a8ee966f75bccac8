// `npm run test:contract [-- --chaos] [-- --replicas=N] [-- --cluster | --kafka-nodes=N --redis-cluster]`: replay a recorded stream into the four services
// (N processes each) and compare. STREAM_FILE, STREAM_EXPECTED, STREAM_CODES point at another recording;
// REPLAY_SPEED=N replays at ×N.
import 'reflect-metadata';
import { contractOptionsFromEnv, runContract } from './contract-run';

const log = (line: string) => process.stderr.write(`${line}\n`);

const options = contractOptionsFromEnv(process.env, process.argv.slice(2), log);
runContract(options).then(
  (run) => {
    process.stdout.write(`${run.report}\n`);
    const seconds = Math.round(run.replaySeconds * 100) / 100;
    process.stdout.write(`BENCH name=replay.seconds value=${seconds} unit=s\n`);
    const settled = Math.round(run.settledSeconds * 100) / 100;
    const tags = `produce_s=${seconds} records=${run.records}${options.chaos ? ' chaos=1' : ''}`;
    process.stdout.write(`BENCH name=replay.seconds.replicas${options.replicas} value=${settled} unit=s ${tags}${options.cluster ? ' cluster=1' : ''}\n`);
    if (options.cluster) process.stdout.write(`BENCH name=replay.seconds.cluster value=${settled} unit=s ${tags} replicas=${options.replicas}\n`);
    process.stdout.write(`BENCH name=replay.events_per_s value=${Math.round(run.eventsPerSecond)} unit=events/s\n`);
    const failed = run.results.filter((r) => !r.ok).length;
    process.stdout.write(failed === 0 ? `contract: all ${run.results.length} checks passed\n` : `contract: ${failed} of ${run.results.length} checks FAILED\n`);
    process.exit(failed === 0 ? 0 : 1);
  },
  (error: unknown) => {
    log(`contract: the run could not complete: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
