// Small helpers for running the stack's processes with readable, prefixed output.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export function prefixed(name) {
  const tag = `[${name}]`.padEnd(11);
  return (text) => {
    for (const line of String(text).split(/\r?\n/)) if (line.trim()) process.stdout.write(`${tag}${line}\n`);
  };
}

/** Spawns a long-running child whose output lines carry its name. */
export function startProcess(name, command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  const print = prefixed(name);
  let buffered = '';
  const onData = (chunk) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop();
    print(lines.join('\n'));
  };
  child.stdout.setEncoding('utf8').on('data', onData);
  child.stderr.setEncoding('utf8').on('data', onData);
  child.on('exit', () => buffered && print(buffered));
  return child;
}

/** Sends SIGTERM, then SIGKILL after `graceMs`; resolves when the child is gone. */
export function stopProcess(child, graceMs = 25_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Resolves true when nothing listens on the port (checked on every interface). */
export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

function anyFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A port nothing listens on, other than `reserved`: ports chosen for processes that have not
 * bound them yet (PostgreSQL once took the port meant for the Temporal dev server, which exited).
 */
export async function freePort(reserved = []) {
  for (;;) {
    const port = await anyFreePort();
    if (!reserved.includes(port)) return port;
  }
}

/** Polls `check` until it is true; `gaveUp` returning a reason (a process that exited) ends it at once. */
export async function waitFor(what, check, timeoutMs, intervalMs = 250, gaveUp = () => undefined) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const reason = gaveUp();
    if (reason) throw new Error(reason);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${what} did not become ready within ${Math.round(timeoutMs / 1000)} s`);
}
