import { isWrapped } from '@opentelemetry/instrumentation';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing, type Tracing } from '@reform/config';

export interface TestTracing {
  tracing: Tracing;
  /** Every span ended so far, once the batch processor has handed them over. */
  spans(): Promise<ReadableSpan[]>;
  stop(): Promise<void>;
}

/**
 * The apps' tracing, to memory. Jest loads modules through a registry of its own, which the
 * instrumentations' require hooks never see: the `pg` and `http` this test file loads are patched
 * here by hand (in place, so before or after the app loads them). Call it before any app starts.
 */
export function startTestTracing(): TestTracing {
  const exporter = new InMemorySpanExporter();
  const tracing = startTracing('reform-test', { exporter });
  if (!tracing) throw new Error('tracing did not start');
  const loaded: Record<string, () => unknown> = {
    pg: () => require('pg'),
    'pg-pool': () => require('pg-pool'),
    http: () => require('node:http'),
  };
  const unpatch: Array<() => void> = [];
  for (const instrumentation of tracing.instrumentations)
    for (const definition of instrumentation.getModuleDefinitions()) {
      const exports = loaded[definition.name]?.();
      // Node's own `http` is Jest's too: the require hook may have patched it already.
      if (!exports || (definition.name === 'http' && isWrapped((exports as typeof import('node:http')).Server.prototype.emit))) continue;
      definition.patch?.(exports);
      unpatch.push(() => definition.unpatch?.(exports));
    }
  return {
    tracing,
    spans: async () => {
      await tracing.provider.forceFlush();
      return exporter.getFinishedSpans();
    },
    stop: async () => {
      unpatch.forEach((undo) => undo());
      await tracing.shutdown();
    },
  };
}
