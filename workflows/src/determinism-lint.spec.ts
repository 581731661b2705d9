import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

// ESLint loads its flat config by dynamic import, which Jest's sandbox cannot; run the CLI instead.
async function lintAsWorkflow(source: string): Promise<string[]> {
  const eslint = join(root, 'node_modules/.bin/eslint');
  const run = spawnSync(eslint, ['--stdin', '--stdin-filename', 'workflows/src/probe.ts', '--format', 'json'], {
    cwd: root,
    input: source,
    encoding: 'utf8',
  });
  // Outside `nx`, the module-boundary rule prints a warning before the JSON: read from the JSON on.
  const [result] = JSON.parse(run.stdout.slice(run.stdout.indexOf('[{'))) as { messages: { ruleId: string; message: string }[] }[];
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('workflow determinism lint', () => {
  jest.setTimeout(60_000);

  it.each([
    ["import { readFileSync } from 'node:fs';", /no Node APIs/],
    ["import { Injectable } from '@nestjs/common';", /frameworks or the database/],
    ["import { DataSource } from 'typeorm';", /frameworks or the database/],
    ["import { Client } from '@temporalio/client';", /only @temporalio\/workflow/],
    ["import { Context } from '@temporalio/activity';", /only @temporalio\/workflow/],
  ])('refuses %s', async (line, message) => {
    const messages = await lintAsWorkflow(`${line}\nexport const probe = [${line.match(/\{ (\w+) \}/)?.[1]}];\n`);
    expect(messages.join('\n')).toMatch(message);
  });

  it('accepts the workflow SDK and pure contracts', async () => {
    const messages = await lintAsWorkflow(
      "import { sleep } from '@temporalio/workflow';\nimport { FINDING_STATUSES } from '@reform/contracts';\nexport const probe = [sleep, FINDING_STATUSES];\n",
    );
    expect(messages).toEqual([]);
  });
});
