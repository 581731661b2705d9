import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests read and print dates in UTC whatever the machine's zone.
process.env.TZ = 'UTC';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The web console: built to dist/apps/console, which the API serves at `/`. */
export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    // The modules of the workspace whose values (not only types) the console bundles, each with no
    // imports of its own: the demo register, so the sign-in page lists the seeded people, and the
    // zone arithmetic, so times read in TZ_BUSINESS whatever the browser's zone.
    alias: {
      '@reform/contracts/demo-organisation': fileURLToPath(new URL('../../libs/contracts/src/lib/demo-organisation.ts', import.meta.url)),
      '@reform/domain/zoned-time': fileURLToPath(new URL('../../libs/domain/src/lib/calendar/zoned-time.ts', import.meta.url)),
      // The lists of error codes and validation rules, which the translation spec walks.
      '@reform/contracts/errors': fileURLToPath(new URL('../../libs/contracts/src/lib/errors.ts', import.meta.url)),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/console', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // The 统计 page's chunk is ECharts, about 520 kB even tree-shaken; only that page loads it.
    chunkSizeWarningLimit: 600,
  },
  // `npx vite --config apps/console/vite.config.mts` against a running `npm start`.
  server: { proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/testing/setup.ts'],
    restoreMocks: true,
  },
});
