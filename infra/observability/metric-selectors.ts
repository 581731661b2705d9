import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const OBSERVABILITY_DIR = __dirname;
export const ALERT_RULES = join(OBSERVABILITY_DIR, 'alert-rules.yml');
export const DASHBOARD = join(OBSERVABILITY_DIR, 'grafana-dashboard.json');

export interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A metric a query reads, and the scrape jobs its `job` matcher names (empty: it names none). */
export interface MetricSelector {
  metric: string;
  jobs: string[];
  expr: string;
}

export function alertRules(): AlertRule[] {
  const document = parse(readFileSync(ALERT_RULES, 'utf8')) as { groups: Array<{ name: string; rules: AlertRule[] }> };
  return document.groups.flatMap((group) => group.rules);
}

interface Panel {
  type: string;
  title: string;
  targets?: Array<{ expr: string; datasource?: { uid?: string } }>;
  panels?: Panel[];
}

export function dashboardPanels(): Panel[] {
  const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as { panels: Panel[] };
  return dashboard.panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]);
}

/** Every PromQL expression of the rules and the dashboard. */
export function allExpressions(): string[] {
  return [...alertRules().map((rule) => rule.expr), ...dashboardPanels().flatMap((panel) => (panel.targets ?? []).map((t) => t.expr))];
}

const SELECTOR = /([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{([^}]*)\}/g;
const JOB_MATCHER = /\bjob\s*(=~|=)\s*"([^"]*)"/;

/**
 * The metrics an expression reads, with the jobs it reads them from. Every query here selects its
 * metric with braces (so a metric is never mistaken for a function or a label); a `job=~"a|b"`
 * matcher names each job of the alternation.
 */
export function selectorsOf(expr: string): MetricSelector[] {
  return [...expr.matchAll(SELECTOR)].map(([, metric, matchers]) => {
    const job = JOB_MATCHER.exec(matchers);
    const jobs = !job ? [] : job[1] === '=' ? [job[2]] : job[2].split('|');
    return { metric, jobs, expr };
  });
}

/** What an exposition's series are named after: `x_bucket`, `x_sum` and `x_count` are histogram x's. */
export function exposedFamily(metric: string): string {
  return metric.replace(/_(bucket|sum|count)$/, '');
}
