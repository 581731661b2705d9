import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** moto's S3-compatible server, as `infra/local/setup.mjs` installs it (or MOTO_SERVER). */
const MOTO_SERVER = process.env['MOTO_SERVER'] ?? join(__dirname, '../../.tools/venv/bin/moto_server');

export interface MotoServer {
  endpoint: string;
  stop(): Promise<void>;
}

/** Starts moto on a free loopback port and answers once it serves requests. */
export async function startMotoServer(): Promise<MotoServer> {
  if (!existsSync(MOTO_SERVER)) throw new Error(`${MOTO_SERVER} is missing: run node infra/local/setup.mjs (or set MOTO_SERVER)`);
  const port = await freePort();
  const child = spawn(MOTO_SERVER, ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}`);
    if (await answers(endpoint)) break;
    if (tries > 100) throw new Error(`moto_server did not answer on ${endpoint}`);
    await sleep(100);
  }
  return { endpoint, stop: () => stop(child) };
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    return (await fetch(`${endpoint}/moto-api/`)).ok;
  } catch {
    return false;
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
