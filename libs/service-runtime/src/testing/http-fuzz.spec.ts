import { Body, Controller, Get, HttpCode, type INestApplication, Param, ParseIntPipe, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { commonEnvSchema, configureHttpApp, hashApiKey, HealthModule, parseEnv, PlatformModule, RequiresScope } from '@promo/platform';
import { fuzzServiceHttp } from './http-fuzz';

const KEYS = { admin: 'sk_fuzz_admin', storefront: 'sk_fuzz_storefront' };

class LineDto {
  @IsString()
  @MaxLength(40)
  readonly sku!: string;

  @IsInt()
  @Min(1)
  readonly quantity!: number;
}

class ThingDto {
  @IsString()
  @MaxLength(100)
  readonly name!: string;

  @IsInt()
  @Min(1)
  @Max(1_000)
  readonly units!: number;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => LineDto)
  readonly lines!: LineDto[];
}

@Controller('v1')
class ThingsController {
  @Post('things')
  @HttpCode(201)
  @RequiresScope('admin')
  create(@Body() body: ThingDto): { units: number } {
    return { units: body.units };
  }

  @Get('things/:id')
  @RequiresScope('storefront')
  one(@Param('id', ParseIntPipe) id: number): { id: number } {
    return { id };
  }

  /** A bug the fuzzer must find: trusts its body. */
  @Post('buggy')
  @RequiresScope('admin')
  buggy(@Body() body: Record<string, unknown>): number {
    return (body['lines'] as { length: number }).length;
  }
}

describe('fuzzServiceHttp', () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    const config = parseEnv(commonEnvSchema({ httpPort: 3999 }), {
      API_KEYS: `admin:${hashApiKey(KEYS.admin)},storefront:${hashApiKey(KEYS.storefront)}`,
      API_KEYS_REFRESH_MS: '0',
      LOG_LEVEL: 'silent',
    });
    const moduleRef = await Test.createTestingModule({ imports: [PlatformModule.forRoot({ service: 'fuzz-test', config }), HealthModule.forRoot([])], controllers: [ThingsController] }).compile();
    app = configureHttpApp(moduleRef.createNestApplication({ bufferLogs: true }));
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(() => app.close());

  it('sends generated requests to every operation of /docs-json and finds no 5xx and no 400 without field and reason', async () => {
    const report = await fuzzServiceHttp({ baseUrl, keys: KEYS, runs: 1_000, seed: 11, exclude: /buggy/ });
    expect(report.sent).toBeGreaterThanOrEqual(990);
    expect([...report.operations].sort()).toEqual(['GET /v1/things/{id}', 'POST /v1/things']);
    expect(report.statuses['400']).toBeGreaterThan(100);
    expect(Object.keys(report.statuses).filter((status) => Number(status) >= 500)).toEqual([]);
    expect(report.readyAfter).toBe(true);
  });

  it('reports a route that answers 500 to a generated body', async () => {
    await expect(fuzzServiceHttp({ baseUrl, keys: KEYS, runs: 500, seed: 11, exclude: /things/ })).rejects.toThrow(/POST .*\/v1\/buggy.*answered 500/s);
  });
});
