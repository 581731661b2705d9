import type { LedgerRow } from '@reform/contracts';
import { stream as excelStream, type Cell } from 'exceljs';
import type { Writable } from 'node:stream';
import { LEDGER_COLUMNS, LEDGER_HEADERS, type LedgerCell } from './ledger-columns';

const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
const DATE_FORMAT = 'yyyy-mm-dd';

function xlsxValue(cell: LedgerCell): string | number | Date | null {
  return cell !== null && typeof cell === 'object' ? new Date(cell.wallClockMs) : cell;
}

/** The parts of a (readable-stream) Writable's state the backpressure reads, where Node's newer getters may be missing. */
interface PipeTarget extends NodeJS.EventEmitter {
  destroyed?: boolean;
  _writableState?: { needDrain: boolean };
}

/**
 * Where exceljs' worksheet stream writes its XML: a PassThrough into the zip's deflater, written
 * without regard to backpressure. Left alone the sheet outruns deflate and the API holds most of
 * the uncompressed XML (~1.2 KiB a row: +136 MiB at 100,000 rows). Internal to exceljs 4, so when
 * it cannot be found the export still works, only without this bound.
 */
function sheetSink(sheet: unknown): PipeTarget | undefined {
  const pipes = (sheet as { stream?: { pipes?: PipeTarget[] } }).stream?.pipes;
  const sink = pipes?.length === 1 ? pipes[0] : undefined;
  return sink?._writableState ? sink : undefined;
}

/** Resolves when `out` can take more, or has gone away (then the caller stops). */
function writable(out: PipeTarget & { writableNeedDrain?: boolean }): Promise<void> {
  const needDrain = out.writableNeedDrain ?? out._writableState?.needDrain ?? false;
  if (!needDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/**
 * Gives each cell the style object of the first cell of its column and type. exceljs merges a
 * fresh style object into every cell and, on commit, renders it to XML to find its style id unless
 * it has seen that very object before: at 16 cells a row that lookup was the export's largest cost.
 */
function sharedStyles(): (cell: Cell, column: number) => void {
  const seen = new Map<string, Cell['style']>();
  return (cell, column) => {
    const key = `${column}:${cell.type}`;
    const style = seen.get(key);
    if (style) cell.style = style;
    else seen.set(key, cell.style);
  };
}

/**
 * The ledger as an XLSX workbook, written row by row (exceljs' streaming writer, inline strings):
 * Chinese headers in a bold, frozen first row with a filter, real dates, widths that fit the columns.
 */
export async function writeLedgerXlsx(batches: AsyncIterable<LedgerRow[]>, out: Writable, timeZone: string): Promise<void> {
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('台账', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  sheet.columns = LEDGER_COLUMNS.map((column) => ({ header: column.header, width: column.width }));
  // Found by header, so that a column added before them cannot take their format.
  sheet.getColumn(LEDGER_HEADERS.indexOf('整改时限') + 1).numFmt = DATE_TIME_FORMAT;
  sheet.getColumn(LEDGER_HEADERS.indexOf('销号日期') + 1).numFmt = DATE_FORMAT;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_COLUMNS.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.commit();
  const styles = sharedStyles();
  let seq = 0;
  for await (const batch of batches) {
    for (const row of batch) {
      seq += 1;
      const added = sheet.addRow(LEDGER_COLUMNS.map((column) => xlsxValue(column.cell(row, seq, timeZone))));
      added.eachCell({ includeEmpty: true }, styles);
      added.commit();
    }
    const sink = sheetSink(sheet);
    if (sink) await writable(sink);
    await writable(out);
    if (out.destroyed) throw new Error('the client closed the connection during the export');
  }
  sheet.commit();
  await workbook.commit();
}
