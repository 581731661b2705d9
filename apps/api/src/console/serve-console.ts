import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';

/** Paths the console never answers: the API, its docs, the probes and the metrics keep their own 404s. */
const SERVER_PATHS = /^\/(api|health|metrics)(\/|$)/;
/** A request for a file (`/assets/x.js`, `/favicon.ico`), not for a page of the app. */
const FILE_PATH = /\/[^/]*\.[A-Za-z0-9]+$/;

/** Where `nx build console` puts the console: dist/apps/console, beside the API's own bundle. */
export function defaultConsoleDir(): string {
  return join(__dirname, '..', 'console');
}

/**
 * Serves the built web console at `/`: its files as they are (hashed assets cached for good,
 * index.html always revalidated), and index.html for any other page path so that the app's own
 * routes survive a reload. Scripts and styles are same-origin files, as the Content-Security-Policy
 * requires. Without a built console the API runs on and says so once.
 */
export function serveConsole(app: NestExpressApplication, dir: string): boolean {
  const logger = new Logger('Console');
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    logger.warn(`no web console at ${dir}: build it with "npx nx build console"`);
    return false;
  }
  app.useStaticAssets(dir, {
    index: false,
    redirect: false,
    setHeaders: (response: Response, path: string) =>
      response.setHeader('Cache-Control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const page =
      (request.method === 'GET' || request.method === 'HEAD') && !SERVER_PATHS.test(request.path) && !FILE_PATH.test(request.path);
    if (!page || !request.accepts('html')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  logger.log(`web console served at / from ${dir}`);
  return true;
}
