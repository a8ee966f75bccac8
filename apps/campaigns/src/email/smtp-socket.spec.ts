import { createServer, type AddressInfo } from 'node:net';
import { connectWithoutDelay } from './smtp-socket';
import { isTransientSmtpError } from './smtp.sender';

const connectTo = (port: number) =>
  new Promise<{ error: Error | null; connected: boolean }>((resolve) =>
    connectWithoutDelay({ host: '127.0.0.1', port }, (error, socketOptions) => {
      socketOptions?.connection.destroy();
      resolve({ error, connected: socketOptions !== undefined });
    }),
  );

describe('connectWithoutDelay', () => {
  it('hands nodemailer a connected socket', async () => {
    const server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    expect(await connectTo(port)).toEqual({ error: null, connected: true });
    await new Promise((resolve) => server.close(resolve));
  });

  it('reports a refused connection as the transient failure nodemailer would', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const { error, connected } = await connectTo(port);
    expect(connected).toBe(false);
    expect(isTransientSmtpError(error)).toBe(true);
  });
});
