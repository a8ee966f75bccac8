// `node -r @swc-node/register apps/platform-e2e/src/cluster/balancer.main.ts <listen port> <replica port>,...`:
// one address for a service's replicas (`npm start -- --replicas=N`), as a Kubernetes Service gives.
import { ReplicaBalancer } from './replica-balancer';

const [listen, backends] = process.argv.slice(2);
const ports = (backends ?? '').split(',').map(Number);
if (!listen || !Number.isInteger(Number(listen)) || ports.length === 0 || ports.some((p) => !Number.isInteger(p) || p <= 0)) {
  process.stderr.write('usage: balancer.main.ts <listen port> <replica port>[,<replica port>...]\n');
  process.exit(64);
}
ReplicaBalancer.listen(Number(listen), ports).then(
  (balancer) => {
    process.stdout.write(`balancing 127.0.0.1:${listen} over ${ports.map((p) => `127.0.0.1:${p}`).join(', ')}\n`);
    const stop = () => void balancer.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  },
  (error: unknown) => {
    process.stderr.write(`balancer could not listen on ${listen}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
