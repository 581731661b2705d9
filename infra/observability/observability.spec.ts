import { spawnSync } from 'node:child_process';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { definedMetrics } from './exported-metrics';
import {
  ALERT_RULES,
  OBSERVABILITY_DIR,
  alertRules,
  allExpressions,
  dashboardPanels,
  exposedFamily,
  selectorsOf,
} from './metric-selectors';

const promtool = spawnSync('promtool', ['--version']).status === 0;
const runPromtool = (...args: string[]) => spawnSync('promtool', args, { cwd: OBSERVABILITY_DIR, encoding: 'utf8' });

/** What each scrape job exports: the app's own metrics, prom-client's process metrics, and Prometheus's `up`. */
function exportedByJob(): Record<string, Set<string>> {
  const defaults = new Registry();
  collectDefaultMetrics({ register: defaults });
  const common = ['up', ...defaults.getMetricsAsArray().map((metric) => metric.name)];
  return {
    'reform-api': new Set([...common, ...definedMetrics('api')]),
    'reform-worker': new Set([...common, ...definedMetrics('worker')]),
  };
}

describe('the alert rules and the Grafana dashboard (infra/observability)', () => {
  (promtool ? it : it.skip)('pass promtool: the rules, their unit tests and the example Prometheus configuration', () => {
    for (const args of [
      ['check', 'rules', ALERT_RULES],
      ['test', 'rules', 'alert-rules.test.yml'],
      ['check', 'config', 'prometheus.example.yml'],
    ]) {
      const run = runPromtool(...args);
      expect({ args, status: run.status, output: run.status === 0 ? '' : run.stdout + run.stderr }).toEqual({
        args,
        status: 0,
        output: '',
      });
    }
  });

  it('state every alert with an expression, a duration, a severity and a summary (what promtool cannot say)', () => {
    const rules = alertRules();
    expect(rules.map((rule) => rule.alert)).toEqual(
      expect.arrayContaining([
        'ReformOverdueFindingsGrowing',
        'ReformOutboxStuck',
        'ReformDeliveriesFailed',
        'ReformWorkerDown',
        'ReformProjectionRetries',
      ]),
    );
    for (const rule of rules) {
      expect({ alert: rule.alert, valid: Boolean(rule.expr) && /^\d+[smh]$/.test(rule.for ?? '') }).toEqual({
        alert: rule.alert,
        valid: true,
      });
      expect({ alert: rule.alert, severity: ['critical', 'warning', 'info'].includes(rule.labels?.severity ?? '') }).toEqual({
        alert: rule.alert,
        severity: true,
      });
      expect({ alert: rule.alert, summary: Boolean(rule.annotations?.summary) }).toEqual({ alert: rule.alert, summary: true });
    }
  });

  it('give every dashboard panel a query on the datasource variable', () => {
    const charts = dashboardPanels().filter((panel) => panel.type !== 'row');
    expect(charts.length).toBeGreaterThan(10);
    for (const panel of charts) {
      const targets = panel.targets ?? [];
      const onVariable = targets.length > 0 && targets.every((target) => target.datasource?.uid === '${datasource}');
      expect({ title: panel.title, onVariable }).toEqual({ title: panel.title, onVariable: true });
    }
  });

  it('read only metrics the scrape jobs they name export', () => {
    const selectors = allExpressions().flatMap(selectorsOf);
    expect(selectors.length).toBeGreaterThan(20);
    const exported = exportedByJob();
    const knows = (job: string, metric: string) => Boolean(exported[job]?.has(metric) || exported[job]?.has(exposedFamily(metric)));
    const unknown = selectors.flatMap(({ metric, jobs, expr }) =>
      jobs.length === 0
        ? [{ metric, expr, problem: 'names no job' }]
        : jobs.filter((job) => !knows(job, metric)).map((job) => ({ metric, job, expr })),
    );
    expect(unknown).toEqual([]);
  });

  it('finds the metrics the apps define in their sources', () => {
    expect(definedMetrics('api')).toEqual(
      expect.arrayContaining(['http_request_duration_seconds', 'temporal_client_request_duration_seconds', 'reform_open_findings']),
    );
    expect(definedMetrics('worker')).toEqual(['reform_activity_duration_seconds', 'reform_activity_retried_attempts_total']);
  });
});
