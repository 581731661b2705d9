/**
 * Jest 30 cannot `require` ES modules, and NestJS 12 ships only ES modules, so integration tests
 * compile those packages to CommonJS. `import.meta.url` has no CommonJS form in Babel's
 * module transform, so it becomes the file URL of `__filename`.
 */
function importMetaUrlToFilename({ types: t }) {
  return {
    visitor: {
      MetaProperty(path) {
        if (path.node.meta.name !== 'import' || path.node.property.name !== 'meta') return;
        const parent = path.parentPath;
        if (!parent.isMemberExpression() || !t.isIdentifier(parent.node.property, { name: 'url' })) return;
        // `module.require`: the module itself may declare its own `require` (createRequire).
        parent.replaceWithSourceString("module.require('node:url').pathToFileURL(__filename).href");
      },
    },
  };
}

module.exports = {
  // import() too: Nest loads @nestjs/platform-express that way when a test creates an HTTP app.
  plugins: [importMetaUrlToFilename, '@babel/plugin-transform-dynamic-import', '@babel/plugin-transform-modules-commonjs'],
};
