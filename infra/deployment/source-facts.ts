import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

/** What the code says, read from its sources, for the deployment files to be checked against. */
export const ROOT = join(__dirname, '../..');

function sourceFiles(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path, keep);
    return keep(path) ? [path] : [];
  });
}

const isSource = (path: string) => path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.includes('/testing/');

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
}

function visit(node: ts.Node, each: (node: ts.Node) => void): void {
  each(node);
  node.forEachChild((child) => visit(child, each));
}

const stringValue = (node: ts.Node | undefined): string | undefined =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

function decoratorCall(node: ts.Node, names: string[]): { name: string; argument: ts.Expression | undefined } | undefined {
  if (!ts.canHaveDecorators(node)) return undefined;
  for (const decorator of ts.getDecorators(node) ?? []) {
    const call = decorator.expression;
    if (ts.isCallExpression(call) && ts.isIdentifier(call.expression) && names.includes(call.expression.text)) {
      return { name: call.expression.text, argument: call.arguments[0] };
    }
  }
  return undefined;
}

const joinPath = (...parts: (string | undefined)[]) =>
  '/' +
  parts
    .flatMap((part) => (part ?? '').split('/'))
    .filter(Boolean)
    .join('/');

/** Every GET route of the API, with its global prefix where it applies (`/health`, `/api/v1/cases`, ...). */
export function apiGetRoutes(): string[] {
  const files = sourceFiles(join(ROOT, 'apps/api/src'), isSource);
  let prefix = '';
  let excluded: string[] = [];
  for (const file of files) {
    visit(parse(file), (node) => {
      if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'setGlobalPrefix')
        return;
      prefix = stringValue(node.arguments[0]) ?? '';
      const options = node.arguments[1];
      if (options && ts.isObjectLiteralExpression(options)) {
        for (const property of options.properties) {
          if (
            ts.isPropertyAssignment(property) &&
            property.name.getText() === 'exclude' &&
            ts.isArrayLiteralExpression(property.initializer)
          ) {
            excluded = property.initializer.elements.map((element) => joinPath(stringValue(element)));
          }
        }
      }
    });
  }
  const routes: string[] = [];
  for (const file of files.filter((path) => path.endsWith('.controller.ts'))) {
    visit(parse(file), (node) => {
      if (!ts.isClassDeclaration(node)) return;
      const controller = decoratorCall(node, ['Controller']);
      if (!controller) return;
      const base = stringValue(controller.argument);
      for (const member of node.members) {
        const get = decoratorCall(member, ['Get']);
        if (!get) continue;
        const path = joinPath(base, stringValue(get.argument));
        routes.push(excluded.includes(path) ? path : joinPath(prefix, path));
      }
    });
  }
  return routes;
}

/** The worker's probe routes: the values of WORKER_PROBES. */
export function workerRoutes(): string[] {
  const routes: string[] = [];
  visit(parse(join(ROOT, 'apps/worker/src/health/worker-probes.ts')), (node) => {
    if (ts.isVariableDeclaration(node) && node.name.getText() === 'WORKER_PROBES') {
      visit(node, (inner) => {
        const value = ts.isPropertyAssignment(inner) ? stringValue(inner.initializer) : undefined;
        if (value) routes.push(value);
      });
    }
  });
  return routes;
}

/**
 * The variables libs/config validates: the keys of the object given to `z.object` for `schema`,
 * and of each `…_VARIABLES` object of libs/config spread into it.
 */
export function configSchemaNames(): string[] {
  const names: string[] = [];
  const spread = new Set<string>();
  visit(parse(join(ROOT, 'libs/config/src/lib/app-config.ts')), (node) => {
    if (!ts.isVariableDeclaration(node) || node.name.getText() !== 'schema' || !node.initializer) return;
    const call = node.initializer;
    if (!ts.isCallExpression(call) || !ts.isObjectLiteralExpression(call.arguments[0])) return;
    for (const property of call.arguments[0].properties) {
      if (ts.isSpreadAssignment(property)) spread.add(property.expression.getText());
      else if (property.name) names.push(property.name.getText().replace(/['"]/g, ''));
    }
  });
  for (const file of sourceFiles(join(ROOT, 'libs/config/src/lib'), isSource)) {
    visit(parse(file), (node) => {
      if (!ts.isVariableDeclaration(node) || !spread.has(node.name.getText()) || !node.initializer) return;
      if (!ts.isObjectLiteralExpression(node.initializer)) return;
      for (const property of node.initializer.properties) if (property.name) names.push(property.name.getText().replace(/['"]/g, ''));
    });
  }
  return names;
}

/** Environment variables the apps and libraries read directly (`process.env['X']`, `env['X']`, `process.env.X`). */
export function namesReadInSource(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /process\.env\.([A-Z][A-Z0-9_]*)/g,
    /\benv\[['"]([A-Z][A-Z0-9_]*)['"]\]/g,
    /process\.env\[['"]([A-Z][A-Z0-9_]*)['"]\]/g,
  ];
  const files = [...sourceFiles(join(ROOT, 'apps'), isSource), ...sourceFiles(join(ROOT, 'libs'), isSource)];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.set(match[1], relative(ROOT, file));
  }
  return found;
}

/** The worker's drain time: `shutdownGraceTime` given to Worker.create, in seconds. */
export function workerDrainSeconds(): number {
  const text = readFileSync(join(ROOT, 'apps/worker/src/temporal/temporal-worker.service.ts'), 'utf8');
  const match = /shutdownGraceTime:\s*'(\d+)s'/.exec(text);
  if (!match) throw new Error('shutdownGraceTime not found in temporal-worker.service.ts');
  return Number(match[1]);
}

/**
 * Where `nx build <app>` puts the app's bundle: its webpack config's output path, from the root.
 * The caller stubs @nx/webpack/app-plugin (it needs a running Nx task to construct).
 */
export function appBuildOutput(app: string): string {
  const config = require(join(ROOT, 'apps', app, 'webpack.config.js')) as { output: { path: string } };
  return relative(ROOT, config.output.path);
}

/** Where `nx run workflows:bundle` writes the workflow bundle. */
export function workflowBundleOutput(): string {
  const project = JSON.parse(readFileSync(join(ROOT, 'workflows/project.json'), 'utf8')) as {
    targets: { bundle: { outputs: string[] } };
  };
  const dir = project.targets.bundle.outputs[0].replace('{workspaceRoot}/', '');
  const script = readFileSync(join(ROOT, 'workflows/bundle.cjs'), 'utf8');
  const file = /'dist\/workflows\/([\w.-]+\.js)'/.exec(script)?.[1];
  if (!file) throw new Error('the default bundle file name is not in workflows/bundle.cjs');
  return `${dir}/${file}`;
}
