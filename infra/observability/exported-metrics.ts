import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '../..');
const METRIC_CLASSES = ['Histogram', 'Counter', 'Gauge', 'Summary'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

const nameProperty = (node: ts.ObjectLiteralExpression): string | undefined => {
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property) && property.name.getText() === 'name' && ts.isStringLiteral(property.initializer))
      return property.initializer.text;
  }
  return undefined;
};

/**
 * The metrics an app defines, read from its sources: the `name` of each `new Histogram|Counter|Gauge({…})`
 * and of each entry of a table of them (BUSINESS_GAUGES, whose gauges are made in a loop).
 */
export function definedMetrics(app: 'api' | 'worker'): string[] {
  const names = new Set<string>();
  for (const path of sources(join(ROOT, 'apps', app, 'src'))) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node, inTable: boolean): void => {
      const table = inTable || (ts.isVariableDeclaration(node) && node.name.getText() === 'BUSINESS_GAUGES');
      const made = ts.isNewExpression(node) && METRIC_CLASSES.includes(node.expression.getText()) && node.arguments?.[0] !== undefined;
      if (made && ts.isObjectLiteralExpression(node.arguments[0])) {
        const name = nameProperty(node.arguments[0]);
        if (name) names.add(name);
      }
      if (table && ts.isObjectLiteralExpression(node)) {
        const name = nameProperty(node);
        if (name) names.add(name);
      }
      node.forEachChild((child) => visit(child, table));
    };
    visit(file, false);
  }
  return [...names].sort();
}
