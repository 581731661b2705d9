import type { LedgerRow } from '@reform/contracts';
import { stringify } from 'csv-stringify';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LEDGER_COLUMNS, LEDGER_HEADERS, type LedgerCell } from './ledger-columns';

/** Text Excel would run as a formula (CSV injection); a leading apostrophe makes it plain text. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvText(cell: LedgerCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'object') {
    const text = new Date(cell.wallClockMs).toISOString();
    return cell.dateOnly ? text.slice(0, 10) : `${text.slice(0, 10)} ${text.slice(11, 16)}`;
  }
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

async function* records(batches: AsyncIterable<LedgerRow[]>, timeZone: string): AsyncGenerator<string[]> {
  let seq = 0;
  for await (const batch of batches) {
    for (const row of batch) {
      seq += 1;
      yield LEDGER_COLUMNS.map((column) => csvText(column.cell(row, seq, timeZone)));
    }
  }
}

/**
 * The ledger as CSV: UTF-8 with a byte-order mark (so Excel reads the Chinese right), CRLF lines.
 * Streams with backpressure: the next batch is read only when the client has taken the last one.
 */
export async function writeLedgerCsv(batches: AsyncIterable<LedgerRow[]>, out: Writable, timeZone: string): Promise<void> {
  const csv = stringify({ bom: true, header: true, columns: LEDGER_HEADERS, record_delimiter: 'windows' });
  await pipeline(Readable.from(records(batches, timeZone)), csv, out);
}
