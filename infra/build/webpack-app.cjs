const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { basename, join } = require('node:path');

/**
 * One webpack build for both Node apps: dist/apps/<name>/main.js, node_modules left external.
 * `assets` are files the app reads at run time, copied next to main.js; `additionalEntryPoints` are
 * more scripts built beside it, such as worker threads' (both with paths from the workspace root).
 */
module.exports = (appDir, { assets = [], additionalEntryPoints = [] } = {}) => ({
  output: {
    path: join(__dirname, '../../dist/apps', basename(appDir)),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && { devtoolModuleFilenameTemplate: '[absolute-resource-path]' }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      sourceMap: true,
      assets,
      additionalEntryPoints,
    }),
  ],
});
