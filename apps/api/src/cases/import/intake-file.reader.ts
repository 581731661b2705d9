import { parse } from 'csv-parse/sync';
import { stream as excelStream, type CellValue } from 'exceljs';
import { Readable } from 'node:stream';
import { InvalidInputError } from '../../errors/invalid-input.error';

/** What a spreadsheet cell may hold once read: text, a number, a flag, a date, or nothing. */
export type RawCell = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number a person sees in Excel (the header is row 1). */
  rowNumber: number;
  cells: RawCell[];
}

export interface Sheet {
  header: string[];
  rows: SheetRow[];
  /** More data rows than the reader was asked to keep. */
  truncated: boolean;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** A file intake cannot read at all: one problem, of the whole file. */
const unreadable = (message: string) => InvalidInputError.of('file', 'unreadable', message);

const isBlank = (cells: RawCell[]) => cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));

/**
 * Reads the first sheet of an XLSX, or a CSV (UTF-8, with or without BOM; GB18030 as Excel saves
 * it on Chinese Windows), keeping at most `maxRows` non-blank data rows so a huge file costs little.
 */
export async function readIntakeFile(buffer: Buffer, maxRows: number): Promise<Sheet> {
  if (buffer.subarray(0, 4).equals(OLE2)) {
    throw unreadable('file is an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV (UTF-8) and upload that');
  }
  // The header, the rows kept, and one more to tell whether there were more.
  const rows = buffer.subarray(0, 4).equals(ZIP) ? await xlsxRows(buffer, maxRows + 2) : csvRows(buffer, maxRows + 2);
  const [header, ...data] = rows;
  if (!header) throw unreadable('file is empty: the first row must name the columns (问题, 责任单位, 整改时限, ...)');
  return {
    header: header.cells.map((cell) => (cell === null ? '' : String(cell))),
    rows: data.slice(0, maxRows),
    truncated: data.length > maxRows,
  };
}

function decode(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

function csvRows(buffer: Buffer, limit: number): SheetRow[] {
  let records: string[][];
  try {
    records = parse(decode(buffer), { bom: true, relax_column_count: true, skip_empty_lines: false, to: limit + 1000 });
  } catch (error) {
    throw unreadable(`file is neither an XLSX workbook nor a readable CSV: ${(error as Error).message}`);
  }
  const rows: SheetRow[] = [];
  records.forEach((cells, index) => {
    if (rows.length < limit && !isBlank(cells)) rows.push({ rowNumber: index + 1, cells });
  });
  return rows;
}

function cellOf(value: CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellOf((value.result ?? null) as CellValue);
  if ('text' in value) return String(value.text);
  return null;
}

async function xlsxRows(buffer: Buffer, limit: number): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  try {
    const reader = new excelStream.xlsx.WorkbookReader(Readable.from(buffer), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        const cells = Array.from(values, (value) => cellOf(value as CellValue));
        if (!isBlank(cells)) rows.push({ rowNumber: row.number, cells });
        if (rows.length >= limit) break;
      }
      break; // the first sheet only
    }
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    throw unreadable(`file is not a readable XLSX workbook: ${(error as Error).message}`);
  }
  return rows;
}
