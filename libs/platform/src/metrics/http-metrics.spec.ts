import { Controller, Get, type INestApplication, Param } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { hashApiKey } from '../auth/api-key.store';
import { RequiresScope } from '../auth/requires-scope.decorator';
import { configureHttpApp } from '../bootstrap/configure-http-app';
import { commonEnvSchema } from '../config/common-env.schema';
import { parseEnv } from '../config/parse-env';
import { HealthModule } from '../health/health.module';
import type { ReadinessCheck } from '../health/readiness-check';
import { PlatformModule } from '../platform.module';

const KEY = 'sk_metrics_storefront';

@Controller('v1/things')
class ThingsController {
  @Get(':id')
  @RequiresScope('storefront')
  one(@Param('id') id: string): { id: string } {
    return { id };
  }
}

class AlwaysUpCheck implements ReadinessCheck {
  readonly name = 'always-up';
  check(): Promise<void> {
    return Promise.resolve();
  }
}

class AlwaysDownCheck implements ReadinessCheck {
  readonly name = 'always-down';
  check(): Promise<void> {
    return Promise.reject(new Error('down'));
  }
}

describe('HTTP and dependency metrics at /metrics', () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    const config = parseEnv(commonEnvSchema({ httpPort: 3999 }), { API_KEYS: `storefront:${hashApiKey(KEY)}`, API_KEYS_REFRESH_MS: '0', LOG_LEVEL: 'silent' });
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot({ service: 'metrics-test', config }), HealthModule.forRoot([AlwaysUpCheck, AlwaysDownCheck], [AlwaysUpCheck, AlwaysDownCheck])],
      controllers: [ThingsController],
    }).compile();
    app = configureHttpApp(moduleRef.createNestApplication({ bufferLogs: true }));
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(() => app.close());

  it('labels http_request_duration_seconds by route template and status, also for refused and unmatched requests', async () => {
    expect((await fetch(`${baseUrl}/v1/things/42`, { headers: { 'x-api-key': KEY } })).status).toBe(200);
    expect((await fetch(`${baseUrl}/v1/things/43`, { headers: { 'x-api-key': KEY } })).status).toBe(200);
    expect((await fetch(`${baseUrl}/v1/things/44`)).status).toBe(401);
    expect((await fetch(`${baseUrl}/v1/nothing/here`)).status).toBe(404);
    const text = await (await fetch(`${baseUrl}/metrics`)).text();
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toContain('http_request_duration_seconds_count{method="GET",route="/v1/things/:id",status="200"} 2');
    expect(text).toContain('http_request_duration_seconds_count{method="GET",route="/v1/things/:id",status="401"} 1');
    expect(text).toContain('http_request_duration_seconds_count{method="GET",route="unmatched",status="404"} 1');
    expect(text).not.toContain('route="/v1/things/42"');
  });

  it('reports each readiness check as dependency_up 1 or 0 at scrape time', async () => {
    const text = await (await fetch(`${baseUrl}/metrics`)).text();
    expect(text).toContain('dependency_up{dependency="always-up"} 1');
    expect(text).toContain('dependency_up{dependency="always-down"} 0');
  });
});
