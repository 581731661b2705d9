// How long one document takes to render (compose + DOCX + PDF), in-process: the 300 ms p99 budget
// of the issueDocument activity. `SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register
// test/bench/documents.ts [n] [--samples]` prints the figures; --samples also writes /tmp/doc-<kind>.pdf|docx.
import { DOCUMENT_KINDS } from '@reform/contracts';
import {
  compose,
  defaultDocumentTemplatesDir,
  loadDocumentFont,
  loadDocumentTemplates,
  renderDocument,
  sampleDocumentFacts,
} from '@reform/documents';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { p50, p99, round } from './stats';

const WARM_UP = 5;

/** p50 and p99 of `n` renderings, the kinds in turn, after a warm-up (the font is parsed once, before). */
export async function measureRendering(n = 50): Promise<{ p50Ms: number; p99Ms: number }> {
  const templates = loadDocumentTemplates(defaultDocumentTemplatesDir());
  const font = loadDocumentFont();
  const renderOne = async (i: number) => {
    const kind = DOCUMENT_KINDS[i % DOCUMENT_KINDS.length];
    const layout = compose(templates[kind], { ...sampleDocumentFacts(kind), docNo: `纪督〔2026〕${i + 1}号` });
    await renderDocument(layout, font);
  };
  for (let i = 0; i < WARM_UP; i++) await renderOne(i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await renderOne(i);
    samples.push(performance.now() - started);
  }
  return { p50Ms: round(p50(samples)), p99Ms: round(p99(samples)) };
}

/** One PDF and one DOCX of each kind, to look at. */
export async function writeSamples(dir = '/tmp'): Promise<string[]> {
  const templates = loadDocumentTemplates(defaultDocumentTemplatesDir());
  const font = loadDocumentFont();
  const written: string[] = [];
  for (const kind of DOCUMENT_KINDS) {
    const layout = compose(templates[kind], sampleDocumentFacts(kind));
    const { pdf, docx } = await renderDocument(layout, font);
    writeFileSync(`${dir}/doc-${kind}.pdf`, pdf);
    writeFileSync(`${dir}/doc-${kind}.docx`, docx);
    written.push(`${dir}/doc-${kind}.pdf`, `${dir}/doc-${kind}.docx`);
  }
  return written;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const n = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 50);
  void (async () => {
    if (args.includes('--samples')) process.stderr.write(`${(await writeSamples()).join('\n')}\n`);
    process.stdout.write(`${JSON.stringify(await measureRendering(n))}\n`);
  })();
}
