import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ROOT } from './source-facts';

/** The Kubernetes objects this test reads; only the fields it looks at. */
export interface Probe {
  httpGet?: { path: string; port: number | string };
}
export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string } };
}
export interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  file: string;
}

export const K8S = join(ROOT, 'infra/k8s');
export const HELM = join(ROOT, 'infra/helm');
export const DOCKER = join(ROOT, 'infra/docker');

export const yamlFiles = (dir: string) =>
  readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => join(dir, name));

/** Every document of every YAML file in `dir`; a parse error fails loudly, naming the file. */
export function documents(dir: string): Manifest[] {
  return yamlFiles(dir).flatMap((file) =>
    parseAllDocuments(readFileSync(file, 'utf8')).map((document) => {
      if (document.errors.length) throw new Error(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
      return { ...(document.toJS() as Omit<Manifest, 'file'>), file };
    }),
  );
}

export function containersOf(deployment: Manifest): Container[] {
  const template = (deployment.spec?.['template'] ?? {}) as { spec?: { containers?: Container[] } };
  return template.spec?.containers ?? [];
}

export function podSpecOf(deployment: Manifest): Record<string, unknown> {
  return ((deployment.spec?.['template'] ?? {}) as { spec?: Record<string, unknown> }).spec ?? {};
}

/** A Dockerfile's instructions that matter here: the final CMD, its ENV, USER, RUN and COPY lines. */
export function dockerfile(app: string) {
  const text = readFileSync(join(DOCKER, `${app}.Dockerfile`), 'utf8');
  const lines = text.split('\n').filter((line) => !line.trim().startsWith('#'));
  const stages = lines.filter((line) => /^FROM\s/.test(line));
  const after = (instruction: string) =>
    lines.filter((line) => line.startsWith(`${instruction} `)).map((line) => line.slice(instruction.length + 1).trim());
  const cmd = after('CMD').pop();
  const env = Object.fromEntries(
    after('ENV').flatMap((line) => [...line.matchAll(/([A-Z_][A-Z0-9_]*)=(\S+)/g)].map((match) => [match[1], match[2]])),
  );
  return { stages, cmd: cmd ? (JSON.parse(cmd) as string[]) : [], env, users: after('USER'), runs: after('RUN'), copies: after('COPY') };
}
