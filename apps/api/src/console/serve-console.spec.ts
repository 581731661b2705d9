import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { serveConsole } from './serve-console';

@Controller('things')
class ThingsController {
  @Get() list(): string[] {
    return ['api'];
  }
}

@Module({ controllers: [ThingsController] })
class TestModule {}

function builtConsole(): string {
  const dir = mkdtempSync(join(tmpdir(), 'console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  return dir;
}

describe('serveConsole', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const nest = await NestFactory.create<NestExpressApplication>(TestModule, { logger: false });
    nest.setGlobalPrefix('api/v1');
    expect(serveConsole(nest, builtConsole())).toBe(true);
    app = await nest.init();
  });
  afterAll(() => app.close());

  const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

  it("serves index.html at / and for the app's own routes", async () => {
    for (const path of ['/', '/cases/123', '/approvals']) {
      const answer = await request(app.getHttpServer()).get(path).set(html);
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('<div id="root">');
      expect(answer.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets with a long cache', async () => {
    const answer = await request(app.getHttpServer()).get('/assets/app.js');
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toContain('immutable');
  });

  it('leaves the API, the probes and missing files alone', async () => {
    expect((await request(app.getHttpServer()).get('/api/v1/things').set(html)).body).toEqual(['api']);
    expect((await request(app.getHttpServer()).get('/api/v1/nothing').set(html)).status).toBe(404);
    expect((await request(app.getHttpServer()).get('/health/whatever').set(html)).status).toBe(404);
    expect((await request(app.getHttpServer()).get('/assets/missing.js').set(html)).status).toBe(404);
  });

  it('says so and serves nothing when the console is not built', async () => {
    const nest = await NestFactory.create<NestExpressApplication>(TestModule, { logger: false });
    expect(serveConsole(nest, join(tmpdir(), 'no-console-here'))).toBe(false);
    await nest.close();
  });
});
