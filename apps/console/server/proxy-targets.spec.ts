import { routeOf, targetsFromEnv } from './proxy-targets';

describe('routeOf', () => {
  const targets = targetsFromEnv({ CONSOLE_CODE_INVENTORY_URL: 'http://10.0.0.2:8080' });

  it('strips the prefix and keeps the query', () => {
    expect(routeOf('/api/pricing/v1/promotions?q=x', targets)?.target.href).toBe('http://127.0.0.1:3001/v1/promotions?q=x');
  });

  it('takes a target from the environment', () => {
    expect(routeOf('/api/code-inventory/v1/jobs/j1/events', targets)?.target.href).toBe('http://10.0.0.2:8080/v1/jobs/j1/events');
  });

  it('refuses an unknown service and paths outside /api', () => {
    expect(routeOf('/api/other/v1/x', targets)).toBeNull();
    expect(routeOf('/index.html', targets)).toBeNull();
  });

  it.each([
    ['/api/pricing//169.254.169.254/latest/meta-data/', 'http://127.0.0.1:3001'],
    ['/api/pricing///169.254.169.254/latest', 'http://127.0.0.1:3001'],
    ['/api/pricing/\\169.254.169.254/latest', 'http://127.0.0.1:3001'],
    ['/api/pricing/\\/169.254.169.254/latest', 'http://127.0.0.1:3001'],
    ['/api/code-inventory//user:pass@evil.example/x', 'http://10.0.0.2:8080'],
    ['/api/campaigns//evil.example:80/x?y=1', 'http://127.0.0.1:3004'],
  ])('keeps %s on its service origin %s (#19 hole 2)', (url, origin) => {
    expect(routeOf(url, targets)?.target.origin).toBe(origin);
  });
});
