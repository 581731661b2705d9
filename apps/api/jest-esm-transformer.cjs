// Nest 12 ships ES modules only, while these specs run as CommonJS (ts-jest, no
// --experimental-vm-modules). This turns ESM files under node_modules into CommonJS
// with Babel and leaves CommonJS packages untouched.
const { createHash } = require('node:crypto');
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const babel = require('@babel/core');

const packageTypes = new Map();

function isEsm(filename) {
  if (filename.endsWith('.mjs')) return true;
  if (filename.endsWith('.cjs')) return false;
  for (let dir = dirname(filename); dir !== dirname(dir); dir = dirname(dir)) {
    if (packageTypes.has(dir)) return packageTypes.get(dir);
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const type = JSON.parse(readFileSync(manifest, 'utf8')).type;
    // Nested package.json files may only say {"type": ...}; keep looking when it says nothing.
    if (type === undefined && !/node_modules[\\/](@[^\\/]+[\\/])?[^\\/]+$/.test(dir)) continue;
    packageTypes.set(dir, type === 'module');
    return type === 'module';
  }
  return false;
}

/** `import.meta` has no CommonJS equivalent in syntax; give it the fields Node's has. */
function importMetaToCommonJs({ template }) {
  const replacement = template.expression.ast(
    // No require() here: modules often declare their own `const require = createRequire(import.meta.url)`.
    "({ url: 'file://' + __filename, filename: __filename, dirname: __dirname })",
  );
  return {
    visitor: {
      MetaProperty(path) {
        if (path.node.meta.name === 'import' && path.node.property.name === 'meta') path.replaceWith(replacement);
      },
    },
  };
}

module.exports = {
  getCacheKey(source, filename) {
    return createHash('sha256').update('esm-to-cjs-3\0').update(filename).update('\0').update(source).digest('hex');
  },
  process(source, filename) {
    if (!isEsm(filename)) return { code: source };
    const result = babel.transformSync(source, {
      filename,
      babelrc: false,
      configFile: false,
      sourceMaps: 'inline',
      plugins: [importMetaToCommonJs, '@babel/plugin-transform-dynamic-import', '@babel/plugin-transform-modules-commonjs'],
    });
    return { code: result.code };
  },
};
