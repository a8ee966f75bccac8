import { type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { configureHttpApp } from '../bootstrap/configure-http-app';
import { commonEnvSchema } from '../config/common-env.schema';
import { parseEnv } from '../config/parse-env';
import { PlatformModule } from '../platform.module';
import { HealthModule } from './health.module';
import type { ReadinessCheck } from './readiness-check';

/** A dependency whose checks are counted and whose answer the test sets. */
class CountedCheck implements ReadinessCheck {
  static calls = 0;
  static isUp = true;
  readonly name = 'counted';
  check(): Promise<void> {
    CountedCheck.calls += 1;
    return CountedCheck.isUp ? Promise.resolve() : Promise.reject(new Error('down'));
  }
}

async function startApp(intervalMs: number): Promise<{ app: INestApplication; baseUrl: string }> {
  const config = parseEnv(commonEnvSchema({ httpPort: 3999 }), { API_KEYS_REFRESH_MS: '0', LOG_LEVEL: 'silent', DEPENDENCY_CHECK_INTERVAL_MS: String(intervalMs) });
  const moduleRef = await Test.createTestingModule({
    imports: [PlatformModule.forRoot({ service: 'dependency-scrape-test', config }), HealthModule.forRoot([CountedCheck], [CountedCheck])],
  }).compile();
  const app = configureHttpApp(moduleRef.createNestApplication({ bufferLogs: true }));
  await app.listen(0, '127.0.0.1');
  return { app, baseUrl: await app.getUrl() };
}

const scrape = async (baseUrl: string) => (await fetch(`${baseUrl}/metrics`)).text();

describe('dependency_up at /metrics', () => {
  let app: INestApplication | undefined;

  beforeEach(() => {
    CountedCheck.calls = 0;
    CountedCheck.isUp = true;
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('runs the dependency checks at most once per interval however often /metrics is scraped', async () => {
    const started = await startApp(60_000);
    app = started.app;
    const texts = await Promise.all(Array.from({ length: 5 }, () => scrape(started.baseUrl)));
    for (let i = 0; i < 15; i += 1) texts.push(await scrape(started.baseUrl));
    expect(CountedCheck.calls).toBe(1);
    for (const text of texts) expect(text).toContain('dependency_up{dependency="counted"} 1');
  });

  it('runs them again once the interval has passed, so a dependency going down shows on a later scrape', async () => {
    const started = await startApp(200);
    app = started.app;
    expect(await scrape(started.baseUrl)).toContain('dependency_up{dependency="counted"} 1');
    CountedCheck.isUp = false;
    expect(await scrape(started.baseUrl)).toContain('dependency_up{dependency="counted"} 1');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await scrape(started.baseUrl)).toContain('dependency_up{dependency="counted"} 0');
    expect(CountedCheck.calls).toBe(2);
  });

  it('keeps /health/ready fresh: it checks on every call, whatever the interval', async () => {
    const started = await startApp(60_000);
    app = started.app;
    expect((await fetch(`${started.baseUrl}/health/ready`)).status).toBe(200);
    CountedCheck.isUp = false;
    expect((await fetch(`${started.baseUrl}/health/ready`)).status).toBe(503);
    expect(CountedCheck.calls).toBe(2);
  });
});
