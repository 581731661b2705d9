import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';

/** `GET /findings/:id` — a route as the contract writes it: method and path under /api/v1 (or /health). */
export type RouteKey = `${string} /${string}`;

/** A controller method, as Nest's ExecutionContext hands it over. */
export type RouteHandler = (...args: never[]) => unknown;
/** A controller class: all that is read of it is its prototype and metadata. */
export interface ControllerClass {
  readonly prototype: object;
  readonly name: string;
}

/** The route a controller method serves, read from its Nest decorators. */
export function routeKey(controller: ControllerClass, handler: RouteHandler): RouteKey | undefined {
  const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
  if (method === undefined) return undefined;
  const path = [Reflect.getMetadata(PATH_METADATA, controller), Reflect.getMetadata(PATH_METADATA, handler)]
    .map((part: unknown) => (Array.isArray(part) ? part[0] : part))
    .filter((part): part is string => typeof part === 'string')
    .flatMap((part) => part.split('/'))
    .filter((segment) => segment !== '')
    .join('/');
  return `${RequestMethod[method]} /${path}`;
}

export interface Route {
  key: RouteKey;
  controller: ControllerClass;
  handler: RouteHandler;
}

/** Every route of a module and the modules it imports, read from metadata without starting anything. */
export function routesOf(root: ControllerClass): Route[] {
  const routes: Route[] = [];
  const seen = new Set<unknown>();
  const visit = (entry: unknown): void => {
    const module = unwrap(entry);
    if (!module || seen.has(module)) return;
    seen.add(module);
    const dynamic = typeof module === 'object' ? (module as { module?: object; imports?: unknown[]; controllers?: ControllerClass[] }) : {};
    const type = typeof module === 'function' ? module : dynamic.module;
    const imports = [...metadata(type, MODULE_METADATA.IMPORTS), ...(dynamic.imports ?? [])];
    const controllers = [...metadata(type, MODULE_METADATA.CONTROLLERS), ...(dynamic.controllers ?? [])] as ControllerClass[];
    for (const controller of controllers) {
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const key = routeKey(controller, handler as RouteHandler);
        if (key) routes.push({ key, controller, handler: handler as RouteHandler });
      }
    }
    imports.forEach(visit);
  };
  visit(root);
  return routes;
}

function metadata(type: object | undefined, key: string): unknown[] {
  return type ? ((Reflect.getMetadata(key, type) as unknown[] | undefined) ?? []) : [];
}

/** forwardRef(() => Module) and dynamic modules, as Nest accepts them in `imports`. */
function unwrap(entry: unknown): unknown {
  if (entry && typeof entry === 'object' && 'forwardRef' in entry) return (entry as { forwardRef: () => unknown }).forwardRef();
  return entry;
}
