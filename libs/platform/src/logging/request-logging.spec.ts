import { Body, Controller, Get, type INestApplication, Logger as NestLogger, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createHttpAdapter, type HttpAdapterName } from '../bootstrap/http-adapter';
import { JsonLogger } from './json-logger';
import { LoggingModule } from './logger.module';

interface Line {
  readonly level: string;
  readonly msg?: string;
  readonly reqId?: string;
  readonly context?: string;
  readonly req?: { readonly id?: string; readonly method?: string; readonly url?: string };
  readonly res?: { readonly statusCode?: number };
  readonly responseTime?: number;
  readonly err?: { readonly message?: string; readonly stack?: string };
}

@Controller()
class OrdersController {
  private readonly logger = new NestLogger('orders');

  @Get('v1/orders')
  async list(): Promise<string> {
    this.logger.log('listing orders');
    await new Promise((resolve) => setImmediate(resolve));
    this.logger.warn({ orders: 2 }, 'after an await');
    return 'ok';
  }

  @Post('v1/order-drafts')
  create(@Body() body: { readonly orderId: string }): string {
    this.logger.log({ orderId: body.orderId }, 'creating order');
    return 'created';
  }

  @Get('health/live')
  live(): string {
    return 'live';
  }
}

async function appLogging(level: string, adapter: HttpAdapterName): Promise<{ app: INestApplication; baseUrl: string; lines: Line[] }> {
  const lines: Line[] = [];
  const destination = { write: (line: string) => void lines.push(JSON.parse(line) as Line) };
  const moduleRef = await Test.createTestingModule({ imports: [LoggingModule.forRoot('log-test', level, destination)], controllers: [OrdersController] }).compile();
  const app = moduleRef.createNestApplication(await createHttpAdapter(adapter), { bufferLogs: true });
  app.useLogger(app.get(JsonLogger));
  await app.listen(0, '127.0.0.1');
  return { app, baseUrl: await app.getUrl(), lines };
}

// #21: the same on either HTTP adapter (HTTP_ADAPTER).
describe.each(['express', 'fastify'] as const)('request logging on %s', (adapter) => {
  describe('at info', () => {
    let env: Awaited<ReturnType<typeof appLogging>>;
    beforeAll(async () => {
      env = await appLogging('info', adapter);
    });
    afterAll(() => env.app.close());

    it('binds every line of a request to its id, also after an await, and ends with request completed', async () => {
      const response = await fetch(`${env.baseUrl}/v1/orders?page=2`, { headers: { 'x-request-id': 'req-orders-1' } });
      expect(response.status).toBe(200);
      const mine = env.lines.filter((line) => line.reqId === 'req-orders-1');
      expect(mine.map((line) => line.msg)).toEqual(['listing orders', 'after an await', 'request completed']);
      expect(mine[0]).toMatchObject({ level: 'info', context: 'orders', req: { id: 'req-orders-1', method: 'GET', url: '/v1/orders?page=2' } });
      expect(mine[1]).toMatchObject({ level: 'warn', context: 'orders', orders: 2 });
      expect(mine[2]?.res?.statusCode).toBe(200);
      expect(typeof mine[2]?.responseTime).toBe('number');
    });

    it('binds the lines of a request with a JSON body to its id (the body is read before the handler runs)', async () => {
      const response = await fetch(`${env.baseUrl}/v1/order-drafts`, { method: 'POST', headers: { 'x-request-id': 'req-create-1', 'content-type': 'application/json' }, body: JSON.stringify({ orderId: 'o-1' }) });
      expect(response.status).toBe(201);
      const mine = env.lines.filter((line) => line.reqId === 'req-create-1');
      expect(mine.map((line) => line.msg)).toEqual(['creating order', 'request completed']);
      expect(mine[0]).toMatchObject({ orderId: 'o-1', req: { method: 'POST', url: '/v1/order-drafts' } });
    });

    it('gives a request without a usable x-request-id a fresh id of its own', async () => {
      await fetch(`${env.baseUrl}/v1/orders`, { headers: { 'x-request-id': 'x'.repeat(200) } });
      await fetch(`${env.baseUrl}/v1/orders`);
      const completed = env.lines.filter((line) => line.msg === 'request completed' && line.req?.url === '/v1/orders');
      expect(completed).toHaveLength(2);
      const ids = completed.map((line) => line.reqId ?? '');
      for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Set(ids).size).toBe(2);
    });

    it('writes no line for health probes', async () => {
      const before = env.lines.length;
      expect((await fetch(`${env.baseUrl}/health/live`)).status).toBe(200);
      expect(env.lines.slice(before).filter((line) => line.req?.url === '/health/live')).toEqual([]);
    });

    it("logs Nest's error(message, stack) as an error with that stack", () => {
      const logger = env.app.get(JsonLogger);
      logger.error('boom', 'Error: boom\n    at somewhere (file.ts:1:1)');
      const line = env.lines[env.lines.length - 1];
      expect(line).toMatchObject({ level: 'error', err: { message: 'boom' } });
      expect(line?.err?.stack).toContain('at somewhere');
    });
  });

  describe('at warn', () => {
    let env: Awaited<ReturnType<typeof appLogging>>;
    beforeAll(async () => {
      env = await appLogging('warn', adapter);
    });
    afterAll(() => env.app.close());

    it('keeps warnings bound to the request and writes no request completed line', async () => {
      await fetch(`${env.baseUrl}/v1/orders`, { headers: { 'x-request-id': 'req-quiet-1' } });
      expect(env.lines.map((line) => [line.msg, line.reqId])).toEqual([['after an await', 'req-quiet-1']]);
    });
  });
});
