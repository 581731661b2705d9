import { createServer } from 'node:net';
// The rules' and dashboard's metric selectors, to compare with what a scrape exposes.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { allExpressions, exposedFamily, selectorsOf } from '../../infra/observability/metric-selectors';

/** One series of a Prometheus text exposition. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function samplesOf(text: string): Sample[] {
  return text.split('\n').flatMap((line) => {
    const match = LINE.exec(line);
    if (!match || line.startsWith('#')) return [];
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(LABEL)].map(([, key, value]) => [key, value]));
    return [{ name: match[1], labels, value: Number(match[3]) }];
  });
}

/** The value of the one series named `name` whose labels include `labels`; undefined when there is none. */
export function valueOf(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samplesOf(text).filter(
    (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
  if (found.length > 1) throw new Error(`${found.length} series of ${name} match ${JSON.stringify(labels)}`);
  return found[0]?.value;
}

/** The metric families an exposition declares (`# TYPE name …`), with or without samples. */
export function familiesOf(text: string): Set<string> {
  return new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map(([, name]) => name));
}

/** Metrics the alert rules and the dashboard read from `job` that the exposition does not declare. */
export function missingForJob(text: string, job: string): string[] {
  const families = familiesOf(text);
  const read = allExpressions()
    .flatMap(selectorsOf)
    .filter((selector) => selector.jobs.includes(job) && selector.metric !== 'up')
    .map((selector) => selector.metric);
  return [...new Set(read)].filter((metric) => !families.has(metric) && !families.has(exposedFamily(metric)));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
