import { Injectable } from '@nestjs/common';
import type { Actor, OrgUnit, OrgUnitImportResult, OrgUnitKind, OrgUnitWithChildren } from '@reform/contracts';
import { OrgTree } from '@reform/domain';
import { RegisterStore, type OrgUnitFields, type RegisterSnapshot } from '@reform/persistence';
import { InvalidInputError } from '../errors/invalid-input.error';
import { NotFoundError } from '../errors/not-found.error';
import { UnitInUseError } from '../errors/unit-in-use.error';
import type { SaveOrgUnitDto } from './dto/save-org-unit.dto';
import { OrgRegister } from './org-register';
import { orgUnitRows, rowProblem, type UploadedRegisterFile } from './org-unit-import';

/** 组织机构 — reads and writes of the org-unit register, every write checked against the tree as it stands. */
@Injectable()
export class OrgUnitsService {
  constructor(
    private readonly store: RegisterStore,
    private readonly register: OrgRegister,
  ) {}

  async list(): Promise<OrgUnit[]> {
    const units = await this.store.orgUnits();
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    return new OrgTree(units).parentsFirst().map((node) => byId.get(node.id) as OrgUnit);
  }

  async get(id: string): Promise<OrgUnitWithChildren> {
    const units = await this.store.orgUnits();
    const unit = units.find((each) => each.id === id);
    if (!unit) throw new NotFoundError('org unit', id);
    return { ...unit, children: new OrgTree(units).children(id) };
  }

  /** PUT: creates or replaces the org unit; `created` tells 201 from 200. */
  async save(id: string, dto: SaveOrgUnitDto, actor: Actor): Promise<{ unit: OrgUnit; created: boolean }> {
    const [result] = await this.store.saveOrgUnits(actor, async (snapshot) => {
      const fields = fieldsOf(id, dto);
      await checkSave(new OrgTree(snapshot.orgUnits), fields, snapshot);
      return [fields];
    });
    this.register.invalidate();
    return { unit: result.unit, created: result.outcome === 'created' };
  }

  /** 批量导入: every row checked against the tree with the file's other rows in it; any bad row and nothing is saved. */
  async import(file: UploadedRegisterFile | undefined, actor: Actor): Promise<OrgUnitImportResult> {
    const { rows, problems: unreadable } = await orgUnitRows(file);
    const results = await this.store.saveOrgUnits(actor, async (snapshot) => {
      const existing = new Map(snapshot.orgUnits.map((unit) => [unit.id, unit]));
      const problems = [...unreadable];
      const tree = new OrgTree(snapshot.orgUnits);
      const saves: OrgUnitFields[] = [];
      const placed: Array<{ row: (typeof rows)[number]; fields: OrgUnitFields }> = [];
      for (const row of parentsFirst(rows, existing)) {
        const current = existing.get(row.id);
        const fields: OrgUnitFields = {
          id: row.id,
          name: row.name,
          kind: row.kind,
          parentId: row.parentId,
          supervises: row.supervises ?? current?.supervises ?? [],
          active: current?.active ?? true,
          headPersonId: current?.headPersonId ?? null,
          liaisonPersonId: current?.liaisonPersonId ?? null,
        };
        // The file's units are all placed before any 监督单位 is checked: a row may name a unit further down.
        const problem = tree.problemWith({ ...fields, supervises: [] });
        if (problem) {
          problems.push(rowProblem(row.rowNumber, row.id, problem.field, problem.rule ?? 'invalid', inColumnWords(problem.message)));
          continue;
        }
        tree.save({ ...fields, supervises: current?.supervises ?? [] });
        placed.push({ row, fields });
      }
      for (const { row, fields } of placed) {
        const treeProblem = tree.problemWith(fields);
        const kindProblem = treeProblem ? null : await kindChangeProblem(existing.get(fields.id)?.kind, fields, snapshot);
        if (treeProblem)
          problems.push(
            rowProblem(row.rowNumber, row.id, treeProblem.field, treeProblem.rule ?? 'invalid', inColumnWords(treeProblem.message)),
          );
        else if (kindProblem) problems.push(rowProblem(row.rowNumber, row.id, 'kind', 'invalid', inColumnWords(kindProblem)));
        else tree.save(fields);
        saves.push(fields);
      }
      const settled = new Set([...placed.map((each) => each.row.rowNumber), ...problems.map((problem) => problem.row)]);
      const unplaced = rows.filter((row) => !settled.has(row.rowNumber));
      for (const row of unplaced)
        problems.push(
          rowProblem(
            row.rowNumber,
            row.id,
            'parentId',
            'unknownReference',
            `上级编码 "${row.parentId}" is neither registered nor placed by this file`,
          ),
        );
      if (problems.length > 0) {
        problems.sort((a, b) => a.row - b.row);
        const count = new Set(problems.map((problem) => problem.row)).size;
        throw new InvalidInputError(
          `file ${file?.originalname} was not imported, nothing was saved (${count === 1 ? '1 bad row' : `${count} bad rows`}): ${problems.map((problem) => problem.message).join('; ')}`,
          'file',
          problems.map(({ row, field, rule, limit }) => ({ row, field, rule, ...(limit === undefined ? {} : { limit }) })),
        );
      }
      return saves;
    });
    this.register.invalidate();
    return {
      created: results.filter((result) => result.outcome === 'created').length,
      updated: results.filter((result) => result.outcome === 'updated').length,
    };
  }
}

function fieldsOf(id: string, dto: SaveOrgUnitDto): OrgUnitFields {
  return {
    id,
    name: dto.name.trim(),
    kind: dto.kind,
    parentId: dto.parentId,
    supervises: [...new Set(dto.supervises ?? [])].sort(),
    active: dto.active ?? true,
    headPersonId: dto.headPersonId ?? null,
    liaisonPersonId: dto.liaisonPersonId ?? null,
  };
}

/** The tree's rules, the people named, and — when a unit is deactivated — its open findings. */
async function checkSave(tree: OrgTree, fields: OrgUnitFields, snapshot: RegisterSnapshot): Promise<void> {
  const problem = tree.problemWith(fields);
  if (problem) throw InvalidInputError.of(problem.field, problem.rule ?? 'invalid', problem.message);
  for (const field of ['headPersonId', 'liaisonPersonId'] as const) {
    const personId = fields[field];
    if (personId !== null && !(await snapshot.personExists(personId))) {
      throw InvalidInputError.of(
        field,
        'unknownReference',
        `${field}: unknown person "${personId}"; register them with PUT /people/${personId} first`,
      );
    }
  }
  const current = tree.get(fields.id);
  if (current?.active && !fields.active) {
    const open = await snapshot.openFindingsOf(fields.id);
    if (open > 0) throw new UnitInUseError(fields.id, open);
  }
  if (await kindChangeProblem(current?.kind, fields, snapshot)) {
    throw new UnitInUseError(fields.id, await snapshot.openFindingsOf(fields.id), 'become another kind');
  }
}

/** A unit with open findings stays a unit: as anything else, nobody could act on them. */
async function kindChangeProblem(
  currentKind: OrgUnitKind | undefined,
  fields: OrgUnitFields,
  snapshot: RegisterSnapshot,
): Promise<string | null> {
  if (currentKind !== 'unit' || fields.kind === 'unit') return null;
  const open = await snapshot.openFindingsOf(fields.id);
  return open > 0 ? `kind: unit "${fields.id}" has ${open} open finding${open === 1 ? '' : 's'} and must stay a unit` : null;
}

/** The file's rows with each parent before its children (a parent registered already, or placed earlier). */
function parentsFirst<Row extends { id: string; parentId: string | null }>(rows: Row[], existing: Map<string, unknown>): Row[] {
  const inFile = new Set(rows.map((row) => row.id));
  const placed = new Set<string>();
  const ordered: Row[] = [];
  let pending = rows;
  while (pending.length > 0) {
    const isReady = (row: Row) =>
      row.parentId === null || placed.has(row.parentId) || (existing.has(row.parentId) && !inFile.has(row.parentId));
    const ready = pending.filter(isReady);
    if (ready.length === 0) break;
    for (const row of ready) {
      placed.add(row.id);
      ordered.push(row);
    }
    pending = pending.filter((row) => !placed.has(row.id));
  }
  return ordered;
}

/** A file's reader knows the columns, not the API's field names. */
const inColumnWords = (message: string) =>
  message
    .replace(/^parentId:/, '上级编码:')
    .replace(/^supervises:/, '监督单位:')
    .replace(/^kind:/, '类型:');
