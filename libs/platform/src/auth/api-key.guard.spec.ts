import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { ApiKeyGuard } from './api-key.guard';
import { API_KEY_STORE, hashApiKey, HashedApiKeyStore } from './api-key.store';
import { PublicRoute, RequiresScope } from './requires-scope.decorator';

@Controller()
class ScopedController {
  @Get('price')
  @RequiresScope('storefront')
  price(): string {
    return 'priced';
  }

  @Get('admin')
  @RequiresScope('admin')
  admin(): string {
    return 'administered';
  }

  @Get('lookup')
  @RequiresScope('storefront', 'code-lookup')
  lookup(): string {
    return 'looked up';
  }

  @Get('issue')
  @RequiresScope('admin', 'code-issue')
  issue(): string {
    return 'issued';
  }

  @Get('undeclared')
  undeclared(): string {
    return 'should never answer';
  }

  @Get('open')
  @PublicRoute()
  open(): string {
    return 'open';
  }
}

const STOREFRONT_KEY = 'sk_storefront_test';
const ADMIN_KEY = 'sk_admin_test';
const CODE_LOOKUP_KEY = 'sk_code_lookup_test';
const CODE_ISSUE_KEY = 'sk_code_issue_test';

@Module({
  controllers: [ScopedController],
  providers: [
    { provide: API_KEY_STORE, useValue: HashedApiKeyStore.parse(`storefront:${hashApiKey(STOREFRONT_KEY)},admin:${hashApiKey(ADMIN_KEY)},code-lookup:${hashApiKey(CODE_LOOKUP_KEY)},code-issue:${hashApiKey(CODE_ISSUE_KEY)}`) },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
})
class GuardedModule {}

describe('ApiKeyGuard', () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [GuardedModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalFilters(new ProblemDetailsFilter());
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(() => app.close());

  const call = (path: string, key?: string, header: 'x-api-key' | 'authorization' = 'x-api-key') =>
    fetch(`${baseUrl}${path}`, { headers: key ? { [header]: header === 'authorization' ? `Bearer ${key}` : key } : {} });

  it('answers 401 problem+json without a key', async () => {
    const response = await call('/price');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 401, type: '/problems/unauthorized' });
  });

  it('answers 401 for an unknown key', async () => {
    expect((await call('/price', 'sk_guess')).status).toBe(401);
  });

  it('lets a storefront key price but not administer', async () => {
    expect(await (await call('/price', STOREFRONT_KEY)).text()).toBe('priced');
    const forbidden = await call('/admin', STOREFRONT_KEY);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ status: 403, detail: 'this route needs the admin scope' });
  });

  it('lets an admin key do everything, also as a Bearer token', async () => {
    expect(await (await call('/admin', ADMIN_KEY, 'authorization')).text()).toBe('administered');
    expect(await (await call('/price', ADMIN_KEY)).text()).toBe('priced');
  });

  it('lets a service key call only the routes that also accept its scope (403 elsewhere, naming the scopes)', async () => {
    const statuses = async (key: string) => Promise.all(['/lookup', '/issue', '/price', '/admin'].map(async (path) => (await call(path, key)).status));
    expect(await statuses(CODE_LOOKUP_KEY)).toEqual([200, 403, 403, 403]);
    expect(await statuses(CODE_ISSUE_KEY)).toEqual([403, 200, 403, 403]);
    expect(await (await call('/issue', CODE_LOOKUP_KEY)).json()).toMatchObject({ status: 403, detail: 'this route needs the admin or code-issue scope' });
  });

  it('keeps the routes that accept a service scope open to their usual keys', async () => {
    expect((await call('/lookup', STOREFRONT_KEY)).status).toBe(200);
    expect((await call('/issue', STOREFRONT_KEY)).status).toBe(403);
    expect((await call('/lookup', ADMIN_KEY)).status).toBe(200);
    expect((await call('/issue', ADMIN_KEY)).status).toBe(200);
  });

  it('keeps a route that declares no scope closed, even to an admin', async () => {
    expect((await call('/undeclared', ADMIN_KEY)).status).toBe(403);
  });

  it('opens public routes without a key', async () => {
    expect(await (await call('/open')).text()).toBe('open');
  });
});

describe('HashedApiKeyStore.parse', () => {
  it('refuses an entry that is not scope:sha256', () => {
    expect(() => HashedApiKeyStore.parse('root:abc')).toThrow('API_KEYS entry');
  });
});
