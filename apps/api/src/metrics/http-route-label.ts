/** The route label of a request no route of the app matched (404s, the console's pages and files). */
export const UNMATCHED_ROUTE = 'unmatched';

/** What Express leaves on a request it routed: the router's mount path and the matched route. */
export interface RoutedRequest {
  baseUrl?: string;
  route?: { path?: unknown };
}

/**
 * The route pattern a request matched (`/api/v1/findings/:id/plan`), never its URL: ids in a label
 * would make one series per finding. Anything unrouted shares one label value.
 */
export function routeLabel(request: RoutedRequest): string {
  const path = request.route?.path;
  return typeof path === 'string' ? `${request.baseUrl ?? ''}${path}` : UNMATCHED_ROUTE;
}
