// Lets `node` run the fault suite's TypeScript: @reform/* resolve to the libraries' sources (as
// tsconfig.base.json maps them) and @swc-node/register compiles .ts on the fly.
const Module = require('node:module');
const { join } = require('node:path');
const { compilerOptions } = require('../../tsconfig.base.json');

const root = join(__dirname, '../..');
const aliases = Object.fromEntries(Object.entries(compilerOptions.paths).map(([name, [target]]) => [name, join(root, target)]));
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, aliases[request] ?? request, ...rest);
};
require('@swc-node/register');
