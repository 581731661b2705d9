import type { INestApplication, Type } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ACCESS_RULE, type AccessRule } from '../auth/access.decorator';

/** `GET /findings/:id` — a route as the contract writes it: method and path under /api/v1 (or /health). */
export type RouteKey = `${string} /${string}`;

export interface RouteAccess {
  key: RouteKey;
  /** What the auth guard enforces: the @Access() rule of the handler or its controller. */
  rule: AccessRule | undefined;
  /** What the OpenAPI document says of the operation. */
  documented: { roles: unknown; scope: unknown };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const API_PREFIX = '/api/v1';

/**
 * Test helper: every route an app serves, with its access rule. The routes are those of the OpenAPI
 * document Nest builds from its own route metadata; each operation's handler is found through
 * Nest's discovery (Swagger names operations `Controller_method`) and its rule read as the guard
 * reads it. Nothing is started: the app needs no database, only to be created.
 */
export function routesOf(app: INestApplication): RouteAccess[] {
  const handlers = handlersOf(app);
  const document: OpenAPIObject = SwaggerModule.createDocument(app, new DocumentBuilder().build());
  const reflector = new Reflector();
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      const found = handlers.get(operation.operationId ?? '');
      if (!found) throw new Error(`no handler found for operation ${operation.operationId} (${method} ${path})`);
      const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [found.handler, found.controller]);
      const extensions: Partial<Record<`x-${string}`, unknown>> = { ...operation };
      const documented = { roles: extensions['x-roles'], scope: extensions['x-scope'] };
      return [{ key: keyOf(method, path), rule, documented }];
    }),
  );
}

function handlersOf(app: INestApplication): Map<string, { controller: Type; handler: () => unknown }> {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const handlers = new Map<string, { controller: Type; handler: () => unknown }>();
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as Type;
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      handlers.set(`${controller.name}_${name}`, { controller, handler: (controller.prototype as Record<string, () => unknown>)[name] });
    }
  }
  return handlers;
}

/** `get`, `/api/v1/findings/{id}` → `GET /findings/:id`. */
function keyOf(method: string, path: string): RouteKey {
  const bare = path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) : path;
  return `${method.toUpperCase()} ${bare.replace(/\{([^}]+)\}/g, ':$1')}` as RouteKey;
}
