/**
 * A real SMTP server (npm `smtp-server`, the one maildev is built on) that accepts every message and
 * discards it: the bench's measure of our sending without maildev's own work per message (it parses and
 * stores each message and pushes it to its web UI). It runs in a child process of its own, so it does
 * not share the bench's event loop with the service under test.
 */
import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  readonly url: string;
  /** Messages accepted so far. */
  accepted(): Promise<number>;
  close(): Promise<void>;
}

type SinkMessage = { readonly port: number } | { readonly accepted: number };

export async function startSmtpSink(): Promise<SmtpSink> {
  const child = fork(__filename, ['--serve'], { execArgv: ['-r', '@swc-node/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = (): Promise<SinkMessage> => new Promise((resolve) => child.once('message', (message: SinkMessage) => resolve(message)));
  const ready = await next();
  if (!('port' in ready)) throw new Error('the SMTP sink did not report its port');
  return {
    url: `smtp://127.0.0.1:${ready.port}`,
    accepted: async () => {
      const answer = next();
      child.send('count');
      const message = await answer;
      return 'accepted' in message ? message.accepted : 0;
    },
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function serve(): Promise<void> {
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      stream.on('end', () => {
        accepted += 1;
        callback();
      });
      stream.resume();
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.on('message', () => process.send?.({ accepted }));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
  process.send?.({ port: (server.server.address() as AddressInfo).port });
}

if (process.argv.includes('--serve')) void serve();
