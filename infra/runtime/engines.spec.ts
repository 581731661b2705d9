import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { satisfies } from 'semver';

const ROOT = join(__dirname, '../..');
const read = <T>(file: string): T => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as T;

type Lock = { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> };
const ENGINES = read<{ engines: { node: string } }>('package.json').engines.node;
const LTS = read<{ version: string }>('infra/local/lts-node.json').version;

/** What npm checks at install: the engines of every package it installed here (other platforms' optional ones are left out). */
function installedEngines(): { name: string; node: string }[] {
  return Object.entries(read<Lock>('package-lock.json').packages)
    .filter(([path]) => path !== '' && existsSync(join(ROOT, path)))
    .map(([path, entry]) => ({
      name: `${path.replace(/^.*node_modules\//, '')}@${entry.version}`,
      node: (entry.engines as { node?: string })?.node,
    }))
    .filter((entry): entry is { name: string; node: string } => typeof entry.node === 'string');
}

describe('the Node versions the project runs on', () => {
  it.each([
    ['the machine’s Node', process.version.slice(1)],
    ['the LTS Node in .tools', LTS],
  ])('accepts %s (%s) in its own engines', (_which, version) => {
    expect(satisfies(version, ENGINES)).toBe(true);
  });

  it('has no installed dependency whose engines refuse a Node the project accepts (a fresh install prints no EBADENGINE)', () => {
    const engines = installedEngines();
    expect(engines.length).toBeGreaterThan(100);
    const lowest = ENGINES.split('||').map((range) => range.trim().replace(/^[\^>=~]+/, ''));
    const refusing = engines.flatMap(({ name, node }) =>
      [...lowest, process.version.slice(1), LTS]
        .filter((version) => !satisfies(version, node))
        .map((version) => `${name} (${node}) refuses ${version}`),
    );
    expect(refusing).toEqual([]);
  });
});
