import { ORG_UNIT_KINDS, type FieldProblem, type OrgUnitKind, type ValidationRule } from '@reform/contracts';
import { InvalidInputError } from '../errors/invalid-input.error';
import { readIntakeFile, type RawCell } from '../cases/import/intake-file.reader';
import { ORG_UNIT_ID_MESSAGE, ORG_UNIT_ID_PATTERN } from './dto/save-org-unit.dto';

/** A register file as multer hands it over. */
export interface UploadedRegisterFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** One org unit of a register file, as the row says it. */
export interface OrgUnitRow {
  rowNumber: number;
  id: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
  /** Left out when the file has no 监督单位 column: the register's list stays. */
  supervises?: string[];
}

/** What is wrong with one cell of a register file: the row, the org unit's field, the rule, and the English words of it. */
export interface RowProblem extends FieldProblem {
  row: number;
  message: string;
}

/** `row 5 (U-X): 类型 must be …`: the file's row and code first, as people look them up. */
export function rowProblem(row: number, id: string, field: string, rule: ValidationRule, words: string): RowProblem {
  return { row, field, rule, message: `row ${row} (${id || 'no code'}): ${words}` };
}

export const MAX_REGISTER_ROWS = 5_000;

/** The kinds by their Chinese names, as a register kept in Excel writes them. */
export const KIND_NAMES: Record<string, OrgUnitKind> = {
  纪委监委: 'commission',
  纪检监察室: 'office',
  派驻纪检监察组: 'stationed_group',
  乡镇纪委: 'township_commission',
  责任单位: 'unit',
};

const COLUMNS = { id: '编码', name: '名称', kind: '类型', parent: '上级编码', supervises: '监督单位' } as const;

const text = (cell: RawCell | undefined) => (cell === null || cell === undefined ? '' : String(cell).trim());

/**
 * Reads a register file (CSV or XLSX; headers 编码, 名称, 类型, 上级编码, optionally 监督单位 with
 * codes separated by `;`) into rows, and the problems of every row that cannot be read.
 */
export async function orgUnitRows(file: UploadedRegisterFile | undefined): Promise<{ rows: OrgUnitRow[]; problems: RowProblem[] }> {
  if (!file)
    throw InvalidInputError.of(
      'file',
      'required',
      'file is required: a CSV or XLSX with the columns 编码, 名称, 类型, 上级编码 (and 监督单位)',
    );
  const sheet = await readIntakeFile(file.buffer, MAX_REGISTER_ROWS);
  if (sheet.truncated)
    throw InvalidInputError.of('file', 'tooMany', `file has more than ${MAX_REGISTER_ROWS} rows; split it`, MAX_REGISTER_ROWS);
  const header = sheet.header.map((name) => name.trim());
  const at = (name: string) => header.indexOf(name);
  const missing = [COLUMNS.id, COLUMNS.name, COLUMNS.kind, COLUMNS.parent].filter((name) => at(name) < 0);
  if (missing.length > 0)
    throw InvalidInputError.of(
      'file',
      'unreadable',
      `file lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} in its first row`,
    );
  const problems: RowProblem[] = [];
  const rows: OrgUnitRow[] = [];
  const seen = new Map<string, number>();
  for (const { rowNumber, cells } of sheet.rows) {
    const id = text(cells[at(COLUMNS.id)]);
    const name = text(cells[at(COLUMNS.name)]);
    const kindText = text(cells[at(COLUMNS.kind)]);
    const parentText = text(cells[at(COLUMNS.parent)]);
    const kind = (ORG_UNIT_KINDS as readonly string[]).includes(kindText) ? (kindText as OrgUnitKind) : KIND_NAMES[kindText];
    const refuse = (field: string, rule: ValidationRule, words: string) => rowProblem(rowNumber, id, field, rule, words);
    const rowProblems = [
      !ORG_UNIT_ID_PATTERN.test(id) && refuse('id', 'format', `${COLUMNS.id} ${ORG_UNIT_ID_MESSAGE}`),
      seen.has(id) && refuse('id', 'duplicate', `${COLUMNS.id} "${id}" is already on row ${seen.get(id)}`),
      name === '' && refuse('name', 'required', `${COLUMNS.name} is required`),
      name.length > 100 && { ...refuse('name', 'tooLong', `${COLUMNS.name} must be at most 100 characters`), limit: 100 },
      !kind &&
        refuse('kind', 'oneOf', `${COLUMNS.kind} must be one of ${Object.keys(KIND_NAMES).join(', ')} (or ${ORG_UNIT_KINDS.join(', ')})`),
      parentText !== '' &&
        !ORG_UNIT_ID_PATTERN.test(parentText) &&
        refuse('parentId', 'format', `${COLUMNS.parent} ${ORG_UNIT_ID_MESSAGE}`),
    ].filter((problem): problem is RowProblem => typeof problem === 'object');
    let supervises: string[] | undefined;
    if (at(COLUMNS.supervises) >= 0) {
      supervises = [
        ...new Set(
          text(cells[at(COLUMNS.supervises)])
            .split(/[;；]/)
            .map((code) => code.trim())
            .filter(Boolean),
        ),
      ].sort();
      const bad = supervises.filter((code) => !ORG_UNIT_ID_PATTERN.test(code));
      if (bad.length > 0)
        rowProblems.push(refuse('supervises', 'format', `${COLUMNS.supervises} names "${bad.join('", "')}", which ${ORG_UNIT_ID_MESSAGE}`));
    }
    if (id !== '' && !seen.has(id)) seen.set(id, rowNumber);
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    rows.push({
      rowNumber,
      id,
      name,
      kind: kind as OrgUnitKind,
      parentId: parentText === '' ? null : parentText,
      ...(supervises && { supervises }),
    });
  }
  if (rows.length === 0 && problems.length === 0) throw InvalidInputError.of('file', 'empty', 'file has no org units below its header row');
  return { rows, problems };
}
