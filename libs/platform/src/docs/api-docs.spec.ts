import { Body, Controller, Get, type INestApplication, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { IsString } from 'class-validator';
import { hashApiKey } from '../auth/api-key.store';
import { PublicRoute, RequiresScope } from '../auth/requires-scope.decorator';
import { configureHttpApp } from '../bootstrap/configure-http-app';
import { commonEnvSchema } from '../config/common-env.schema';
import { parseEnv } from '../config/parse-env';
import { PlatformModule } from '../platform.module';

class GreetingDto {
  @IsString()
  readonly name!: string;
}

@Controller('v1/greetings')
class GreetingsController {
  @Post()
  @RequiresScope('admin')
  create(@Body() body: GreetingDto): { greeting: string } {
    return { greeting: `hello ${body.name}` };
  }

  @Get('open')
  @PublicRoute()
  open(): string {
    return 'open';
  }
}

interface OpenApiDocument {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, { security?: Record<string, string[]>[]; 'x-required-scope'?: string; responses: Record<string, unknown> }>>;
  components: { securitySchemes: Record<string, { type: string; in: string; name: string }> };
}

describe('setupApiDocs', () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    const config = parseEnv(commonEnvSchema({ httpPort: 3999 }), { API_KEYS: `admin:${hashApiKey('sk_docs_admin')}`, API_KEYS_REFRESH_MS: '0', LOG_LEVEL: 'silent' });
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot({ service: 'docs-test', config })],
      controllers: [GreetingsController],
    }).compile();
    app = configureHttpApp(moduleRef.createNestApplication({ bufferLogs: true }));
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(() => app.close());

  it('serves the OpenAPI 3 document at /docs-json without a key, with the x-api-key scheme on scoped routes only', async () => {
    const response = await fetch(`${baseUrl}/docs-json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as OpenApiDocument;
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe('promotions docs-test');
    expect(document.components.securitySchemes['api-key']).toEqual({ type: 'apiKey', in: 'header', name: 'x-api-key', description: expect.any(String) });
    const create = document.paths['/v1/greetings']?.['post'];
    expect(create?.security).toEqual([{ 'api-key': [] }]);
    expect(create?.['x-required-scope']).toBe('admin');
    expect(Object.keys(create?.responses ?? {})).toEqual(expect.arrayContaining(['401', '403']));
    const open = document.paths['/v1/greetings/open']?.['get'];
    // Public, and said so: an empty list of requirements.
    expect(open?.security).toEqual([]);
    expect(document.paths['/metrics']).toBeDefined();
  });

  it('serves Swagger UI at /docs without a key while the API itself still needs one', async () => {
    const ui = await fetch(`${baseUrl}/docs`);
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toContain('text/html');
    expect(await ui.text()).toContain('swagger-ui');
    const guarded = await fetch(`${baseUrl}/v1/greetings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"a"}' });
    expect(guarded.status).toBe(401);
  });
});
