import net from 'node:net';

/**
 * One address for a service's replicas, as a Kubernetes Service gives: each TCP connection goes to
 * the next replica in turn, and to the one after when a replica refuses (killed, or not started yet).
 * The admin clients and the services' calls to each other (CODE_INVENTORY_URL) go through it, so a
 * replica killed by the chaos mode is never the only address anyone has.
 */
export class ReplicaBalancer {
  private next = 0;
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly server: net.Server,
    private readonly backends: number[],
  ) {}

  static async listen(port: number, backends: readonly number[]): Promise<ReplicaBalancer> {
    const server = net.createServer();
    const balancer = new ReplicaBalancer(server, [...backends]);
    server.on('connection', (client) => balancer.forward(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return balancer;
  }

  /** Points the `index`th backend at another port (its replica had to listen elsewhere). */
  moveBackend(index: number, port: number): void {
    this.backends[index] = port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private forward(client: net.Socket): void {
    this.sockets.add(client);
    client.once('close', () => this.sockets.delete(client));
    client.pause();
    const start = this.next;
    this.next = (this.next + 1) % this.backends.length;
    const attempt = (tries: number): void => {
      const port = this.backends[(start + tries) % this.backends.length];
      if (port === undefined || tries >= this.backends.length) {
        client.destroy();
        return;
      }
      const upstream = net.connect(port, '127.0.0.1');
      let isConnected = false;
      upstream.once('error', () => {
        if (!isConnected) attempt(tries + 1);
      });
      upstream.once('connect', () => {
        isConnected = true;
        this.sockets.add(upstream);
        upstream.once('close', () => this.sockets.delete(upstream));
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    attempt(0);
  }
}
