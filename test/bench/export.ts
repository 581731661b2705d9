// The ledger's XLSX export (GET /ledger?format=xlsx) of the whole ledger: rows per second and the
// API's resident memory while it streams, beside a bare `COPY (the ledger's SELECT) TO STDOUT` of
// the same rows — what PostgreSQL alone takes to hand them over.
import { Workbook } from 'exceljs';
import { request } from 'node:http';
import type { Pool } from 'pg';
import { LEDGER_ROWS_SQL } from '@reform/persistence';
import { supervisor } from './api';
import { sampled } from './files';
import { copyOut } from './pg-copy';
import { seedFindings } from './reads';
import { memoryMiB } from './target';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Up to this many rows the benchmark also reads the workbook back and counts its rows. */
const CHECKED_ROWS = 5_000;
/** A case no finding belongs to: an export of the headers alone. */
const NO_CASE = '00000000-0000-4000-8000-000000000000';

export interface ExportResult {
  /** Rows in the workbook: every finding, as an unscoped supervisor sees them. */
  rows: number;
  ms: number;
  bytes: number;
  rowsPerSec: number;
  /** The same rows (the ledger's SELECT, joins and order) through a bare COPY TO STDOUT. */
  bareRowsPerSec: number;
  apiIdleRssMiB: number;
  /** The API's peak RSS during the export, over its RSS just before. */
  apiRssDeltaMiB: number;
}

export async function measureExport(
  apiUrl: string,
  pool: Pool,
  apiPid: number | undefined,
  rows: number,
  say: (line: string) => void,
): Promise<ExportResult> {
  say(`export: seeding findings up to ${rows} rows`);
  await seedFindings(pool, rows);
  const { rows: counted } = await pool.query<{ count: string }>('SELECT count(*) AS count FROM findings');
  const total = Number(counted[0].count);
  const bare = await pool.connect();
  let bareMs: number;
  try {
    const started = performance.now();
    await copyOut(bare, `COPY (${LEDGER_ROWS_SQL}) TO STDOUT`);
    bareMs = performance.now() - started;
  } finally {
    bare.release();
  }
  say(`export: GET /ledger?format=xlsx of ${total} rows, the API's RSS sampled every 10 ms`);
  // Warm, as the reads are: the API's first export loads and compiles the workbook writer (~1 s on a busy machine).
  await download(apiUrl, false, `&caseId=${NO_CASE}`);
  const apiRss = () => (apiPid ? memoryMiB(apiPid).rss : Number.NaN);
  const idle = apiRss();
  const memory = sampled(apiRss);
  const started = performance.now();
  const workbook = await download(apiUrl, total <= CHECKED_ROWS);
  const ms = performance.now() - started;
  const peak = memory.stop();
  if (workbook.sheetRows !== undefined && workbook.sheetRows !== total + 1)
    throw new Error(`the ledger's workbook has ${workbook.sheetRows} rows, expected ${total} and the header`);
  return {
    rows: total,
    ms,
    bytes: workbook.bytes,
    rowsPerSec: total / (ms / 1000),
    bareRowsPerSec: total / (bareMs / 1000),
    apiIdleRssMiB: idle,
    apiRssDeltaMiB: peak - idle,
  };
}

/** GET /ledger?format=xlsx read to its end; the body is kept only when it is to be checked. */
function download(apiUrl: string, keep: boolean, filter = ''): Promise<{ bytes: number; sheetRows?: number }> {
  return new Promise((resolve, reject) => {
    const call = request(`${apiUrl}/api/v1/ledger?format=xlsx${filter}`, { headers: supervisor }, (response) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (keep || response.statusCode !== 200) chunks.push(chunk);
      });
      response.on('error', reject);
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        if (response.statusCode !== 200 || response.headers['content-type'] !== XLSX)
          return reject(new Error(`GET /ledger?format=xlsx answered ${response.statusCode}: ${body.toString('utf8').slice(0, 300)}`));
        if (!keep) return resolve({ bytes });
        const workbook = new Workbook();
        workbook.xlsx
          .load(body as unknown as ArrayBuffer)
          .then(() => resolve({ bytes, sheetRows: workbook.getWorksheet('台账')?.rowCount ?? 0 }), reject);
      });
    });
    call.on('error', reject);
    call.end();
  });
}
