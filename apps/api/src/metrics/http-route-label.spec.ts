import { routeLabel, UNMATCHED_ROUTE } from './http-route-label';

describe('routeLabel', () => {
  it('is the route pattern a request matched, never its URL', () => {
    expect(routeLabel({ baseUrl: '', route: { path: '/api/v1/findings/:id/plan' } })).toBe('/api/v1/findings/:id/plan');
  });

  it('prefixes the mount path of the router that matched', () => {
    expect(routeLabel({ baseUrl: '/api/v1', route: { path: '/findings/:id' } })).toBe('/api/v1/findings/:id');
  });

  it('gives every request no route matched one label value', () => {
    expect(routeLabel({ baseUrl: '' })).toBe(UNMATCHED_ROUTE);
    expect(routeLabel({ route: { path: /regex/ } })).toBe(UNMATCHED_ROUTE);
  });
});
