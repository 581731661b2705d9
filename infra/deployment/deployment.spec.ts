import { POLICY_ENV } from '@reform/contracts';
import { parseDurationMs } from '@reform/domain';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { satisfies } from 'semver';
import { containersOf, DOCKER, dockerfile, documents, HELM, K8S, podSpecOf, type Container, type Manifest } from './manifests';
import {
  apiGetRoutes,
  appBuildOutput,
  configSchemaNames,
  namesReadInSource,
  workerDrainSeconds,
  workerRoutes,
  workflowBundleOutput,
} from './source-facts';

const ENGINES = (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
/** The Node LTS the set-up unpacks into .tools and `npm test` runs the unit and integration suites on. */
const LTS_NODE = JSON.parse(readFileSync(join(__dirname, '../local/lts-node.json'), 'utf8')) as { version: string };

// The apps' webpack configs construct Nx's plugin, which only works inside an Nx task; their output paths are what matter.
jest.mock('@nx/webpack/app-plugin', () => ({ NxAppWebpackPlugin: class {} }));

/**
 * No Docker engine or cluster runs here, so the deployment files are checked against the code they
 * deploy: probes on real routes, env names the apps know, images and commands that match the Nx
 * build outputs, and the Helm values on PostgreSQL.
 */
const manifests = documents(K8S);
const deployments = manifests.filter((m) => m.kind === 'Deployment');
const APPS = ['api', 'worker'] as const;
type App = (typeof APPS)[number];

const appOf = (container: Container): App => {
  const match = /\/reform\/(api|worker):[\w.-]+$/.exec(container.image);
  if (!match) throw new Error(`image ${container.image} is not reform/api or reform/worker`);
  return match[1] as App;
};
const deploymentOf = (app: App): Manifest => {
  const found = deployments.find((d) => containersOf(d).some((c) => appOf(c) === app));
  if (!found) throw new Error(`no Deployment runs the ${app} image`);
  return found;
};
const containerOf = (app: App): Container => containersOf(deploymentOf(app)).find((c) => appOf(c) === app) as Container;
const envValue = (container: Container, name: string) => container.env?.find((e) => e.name === name)?.value;

describe('deployment files', () => {
  it('parse, and run each app in its own Deployment', () => {
    expect(documents(HELM).length).toBeGreaterThan(0);
    expect(deployments.map((d) => containersOf(d).map(appOf)).sort()).toEqual([['api'], ['worker']]);
  });

  describe.each(APPS)('%s', (app) => {
    const container = containerOf(app);
    const image = dockerfile(app);
    const output = appBuildOutput(app);

    it('has a multi-stage Dockerfile that builds the app with Nx and runs it as a non-root user', () => {
      expect(existsSync(join(DOCKER, `${app}.Dockerfile`))).toBe(true);
      expect(image.stages.length).toBeGreaterThanOrEqual(2);
      expect(image.runs.some((run) => new RegExp(`nx run-many -t build.* -p .*\\b${app}\\b`).test(run))).toBe(true);
      expect(
        image.copies.some((copy) => copy.includes(`/${output} `) || copy.endsWith(`/${output}`) || copy.includes(`${output} ./${output}`)),
      ).toBe(true);
      expect(image.users.length).toBeGreaterThan(0);
      expect(image.users.every((user) => user !== 'root' && user !== '0')).toBe(true);
    });

    it('builds and runs on the slim image of the Node LTS line the tests also run on, one the engines accept', () => {
      const major = LTS_NODE.version.split('.')[0];
      expect(image.stages.map((stage) => stage.split(/\s+/)[1])).toEqual(image.stages.map(() => `node:${major}-bookworm-slim`));
      expect(satisfies(LTS_NODE.version, ENGINES)).toBe(true);
    });

    it('starts the bundle Nx builds, the same way in the image and in the manifest', () => {
      const main = `${output}/main.js`;
      expect(main).toBe(`dist/apps/${app}/main.js`);
      expect(image.cmd[0]).toBe('node');
      expect(image.cmd[image.cmd.length - 1]).toBe(main);
      expect(container.command).toEqual(image.cmd);
    });

    it('probes real routes: readiness on /health, liveness on /health/live, on a declared port', () => {
      const routes = app === 'api' ? apiGetRoutes() : workerRoutes();
      expect(routes).toEqual(expect.arrayContaining(['/health', '/health/live']));
      const probes = [container.readinessProbe, container.livenessProbe, container.startupProbe].filter(Boolean);
      expect(container.readinessProbe?.httpGet?.path).toBe('/health');
      expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
      const ports = (container.ports ?? []).flatMap((p) => [p.containerPort, p.name]);
      for (const probe of probes) {
        expect(routes).toContain(probe?.httpGet?.path);
        expect(ports).toContain(probe?.httpGet?.port);
      }
      const port = (container.ports ?? []).find(
        (p) => p.name === container.readinessProbe?.httpGet?.port || p.containerPort === container.readinessProbe?.httpGet?.port,
      );
      const portVariable = app === 'api' ? 'PORT' : 'WORKER_HEALTH_PORT';
      expect(Number(envValue(container, portVariable) ?? image.env[portVariable])).toBe(port?.containerPort);
    });

    it('requests resources and runs as non-root', () => {
      expect(container.resources?.requests?.['cpu']).toBeDefined();
      expect(container.resources?.requests?.['memory']).toBeDefined();
      expect((podSpecOf(deploymentOf(app))['securityContext'] as { runAsNonRoot?: boolean }).runAsNonRoot).toBe(true);
    });

    it('scales on its own, with a HorizontalPodAutoscaler and a PodDisruptionBudget of its own', () => {
      const name = deploymentOf(app).metadata.name;
      const hpa = manifests.find(
        (m) => m.kind === 'HorizontalPodAutoscaler' && (m.spec?.['scaleTargetRef'] as { name: string }).name === name,
      );
      expect(hpa).toBeDefined();
      expect(manifests.some((m) => m.kind === 'PodDisruptionBudget' && m.metadata.name === name)).toBe(true);
    });
  });

  it('gives the worker longer to terminate than it takes to drain, and the API time to finish requests', () => {
    const drain = workerDrainSeconds();
    expect(podSpecOf(deploymentOf('worker'))['terminationGracePeriodSeconds']).toBeGreaterThan(drain + 10);
    expect(podSpecOf(deploymentOf('api'))['terminationGracePeriodSeconds']).toBeGreaterThanOrEqual(60);
  });

  it('points the worker at the workflow bundle Nx builds, and the image carries it', () => {
    const bundle = `/app/${workflowBundleOutput()}`;
    const image = dockerfile('worker');
    expect(envValue(containerOf('worker'), 'WORKFLOW_BUNDLE')).toBe(bundle);
    expect(image.env['WORKFLOW_BUNDLE']).toBe(bundle);
    expect(image.runs.some((run) => /nx run-many -t build bundle .*\bworkflows\b/.test(run))).toBe(true);
    expect(image.copies.some((copy) => copy.endsWith(`./${workflowBundleOutput()}`))).toBe(true);
  });

  it('sets only environment variables the apps read', () => {
    const known = new Set([...configSchemaNames(), ...Object.values(POLICY_ENV), ...namesReadInSource().keys()]);
    expect(configSchemaNames()).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'TEMPORAL_ADDRESS', 'RECONCILE_EVERY', 'WORKER_HEALTH_PORT']),
    );
    const configMaps = new Map(manifests.filter((m) => m.kind === 'ConfigMap').map((m) => [m.metadata.name, Object.keys(m.data ?? {})]));
    const secrets = documents(K8S).filter((m) => m.kind === 'Secret');
    const used = new Set<string>();
    for (const deployment of deployments) {
      for (const container of containersOf(deployment)) {
        for (const variable of container.env ?? []) used.add(variable.name);
        for (const source of container.envFrom ?? []) {
          const keys = source.configMapRef ? configMaps.get(source.configMapRef.name) : undefined;
          if (source.configMapRef) expect(keys).toBeDefined();
          for (const key of keys ?? []) used.add(key);
        }
      }
    }
    for (const secret of secrets) for (const key of Object.keys(secret.stringData ?? secret.data ?? {})) used.add(key);
    for (const app of APPS) for (const name of Object.keys(dockerfile(app).env)) used.add(name);
    expect([...used].filter((name) => !known.has(name))).toEqual([]);
  });

  it('sets well-formed values: durations, the task queue, the Temporal address', () => {
    const config = manifests.find((m) => m.kind === 'ConfigMap' && m.metadata.name === 'reform-config')?.data ?? {};
    for (const name of [...Object.values(POLICY_ENV), 'RECONCILE_EVERY'])
      expect([name, parseDurationMs(config[name] ?? '')]).not.toEqual([name, null]);
    expect(config['TEMPORAL_ADDRESS']).toMatch(/^[^:\s/]+:\d+$/);
  });

  it('has Temporal run on PostgreSQL with the namespace and frontend the apps use', () => {
    const values = documents(HELM).find((m) => m.file.endsWith('temporal-values.yaml')) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    type Store = { driver: string; sql: { driver: string; database: string } };
    const server = values['server'] as {
      config: { persistence: Record<string, Store>; namespaces: { create: boolean; namespace: { name: string }[] } };
      frontend: { service: { port: number } };
    };
    for (const store of ['default', 'visibility']) {
      expect(server.config.persistence[store]).toMatchObject({ driver: 'sql', sql: { driver: expect.stringMatching(/^postgres/) } });
    }
    for (const bundled of ['cassandra', 'mysql', 'elasticsearch']) expect(values[bundled]).toEqual({ enabled: false });
    const config = manifests.find((m) => m.kind === 'ConfigMap' && m.metadata.name === 'reform-config')?.data ?? {};
    expect(server.config.namespaces.create).toBe(true);
    expect(server.config.namespaces.namespace.map((n) => n.name)).toContain(config['TEMPORAL_NAMESPACE']);
    expect(config['TEMPORAL_ADDRESS']).toMatch(new RegExp(`^temporal-frontend\\..*:${server.frontend.service.port}$`));
  });
});
