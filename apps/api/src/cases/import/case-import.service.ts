import { Injectable } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import type { ImportPreview, Principal } from '@reform/contracts';
import { CaseQueries, IdempotencyStore, type Within } from '@reform/persistence';
import { AccessScope } from '../../auth/access-scope';
import { createHash, randomUUID } from 'node:crypto';
import { WorkingDayDeadlines } from '../../deadlines/working-day-deadlines';
import { IdempotencyKeyReusedError } from '../../errors/idempotency-key-reused.error';
import { InvalidInputError } from '../../errors/invalid-input.error';
import { OrgRegister } from '../../organisation/org-register';
import { CasesService, type OpenedCase } from '../cases.service';
import { MAX_FINDINGS_PER_CASE, type CreateCaseDto } from '../dto/create-case.dto';
import type { ImportCaseDto } from '../dto/import-case.dto';
import { requestHash } from '../request-hash';
import { LABELS } from './intake-columns';
import { readIntakeFile } from './intake-file.reader';
import { intakeFindings, type IntakeClock } from './intake-rows';

/** The upload as multer keeps it in memory. */
export interface UploadedIntakeFile {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/** Files are bound to their case across all officers: the same file is one case, whoever uploads it. */
const IMPORT_ACTOR = 'import:file';
/** A case travels whole into its workflow's input; the same bound as a JSON POST /cases body. */
export const MAX_IMPORTED_CASE_BYTES = 1024 * 1024;

@Injectable()
export class CaseImportService {
  constructor(
    private readonly cases: CasesService,
    private readonly stored: CaseQueries,
    private readonly idempotency: IdempotencyStore,
    private readonly deadlines: WorkingDayDeadlines,
    private readonly config: AppConfigService,
    private readonly register: OrgRegister,
    private readonly scope: AccessScope,
  ) {}

  /**
   * 批量导入 — one case with every finding of the file, or nothing: the file is checked whole first.
   * Idempotent by the file's SHA-256: the same file again answers the case it opened.
   */
  async import(file: UploadedIntakeFile | undefined, dto: ImportCaseDto, user: Principal): Promise<OpenedCase> {
    const present = requiredFile(file);
    const fileHash = createHash('sha256').update(present.buffer).digest('hex');
    const key = `sha256:${fileHash}`;
    const hash = requestHash({ fileHash, title: dto.title, summary: dto.summary, source: dto.source });
    const { within } = await this.scope.scopeFor(user);
    const replay = await this.replay(await this.idempotency.find(IMPORT_ACTOR, key), hash, within);
    if (replay) return replay;

    const { caseDto } = await this.checked(present, dto);
    const bound = await this.idempotency.claim({ actor: IMPORT_ACTOR, key, requestHash: hash, caseId: randomUUID() });
    return (await this.replay(bound, hash, within)) ?? this.cases.openAs(bound.caseId, caseDto, user);
  }

  /**
   * 预检 — the findings the import of this file would create, checked exactly as the import checks
   * them (a bad file is refused with the same 400), without creating anything or binding the file.
   */
  async preview(file: UploadedIntakeFile | undefined, dto: ImportCaseDto): Promise<ImportPreview> {
    const { caseDto, rowNumbers } = await this.checked(requiredFile(file), dto);
    const findings = await Promise.all(
      caseDto.findings.map(async (finding, index) => ({
        row: rowNumbers[index],
        title: finding.title,
        description: finding.description,
        category: finding.category ?? null,
        unitId: finding.unitId,
        unitName: (await this.register.nameOf(finding.unitId)) ?? finding.unitId,
        responsiblePerson: finding.responsiblePerson ?? null,
        dueAt: finding.dueAt as string,
      })),
    );
    return { dryRun: true, findings };
  }

  /** The case this file opened before, as far as the caller's jurisdiction shows it; one outside it is not shown, only named as taken. */
  private async replay(
    bound: { requestHash: string; caseId: string } | null,
    hash: string,
    within: Within[] | undefined,
  ): Promise<OpenedCase | null> {
    if (bound === null) return null;
    const existing = await this.stored.findWithFindings(bound.caseId, within);
    if (!existing && within && (await this.stored.findById(bound.caseId))) {
      throw new IdempotencyKeyReusedError('this file was imported already, as a case outside your jurisdiction; it is not imported twice');
    }
    if (bound.requestHash !== hash) {
      const which = existing ? `as case ${existing.code}` : 'already';
      throw new IdempotencyKeyReusedError(
        `this file was imported ${which} with another title, summary or source; it is not imported twice`,
      );
    }
    return existing ? { opened: existing, created: false } : null;
  }

  private async checked(file: UploadedIntakeFile, dto: ImportCaseDto): Promise<{ caseDto: CreateCaseDto; rowNumbers: number[] }> {
    const sheet = await readIntakeFile(file.buffer, MAX_FINDINGS_PER_CASE);
    const { timeZone, deadlineTime } = this.config.workingDays;
    const clock: IntakeClock = {
      timeZone,
      deadlineTime,
      afterWorkingDays: (days) => this.deadlines.afterWorkingDays(days, LABELS.dueInWorkingDays),
    };
    const units = {
      idFor: (text: string) => this.register.unitIdFor(text),
      refusal: (unitId: string) => this.register.unitRefusal(unitId),
    };
    const { findings, rowNumbers, problems, fieldProblems } = await intakeFindings(sheet, clock, MAX_FINDINGS_PER_CASE, units);
    if (problems.length > 0) {
      const rows = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
      throw new InvalidInputError(
        `file ${file.originalname} was not imported, nothing was created (${rows}): ${problems.join('; ')}`,
        'file',
        fieldProblems,
      );
    }
    const caseDto: CreateCaseDto = { title: dto.title, summary: dto.summary, source: dto.source, findings };
    if (Buffer.byteLength(JSON.stringify(caseDto)) > MAX_IMPORTED_CASE_BYTES) {
      throw InvalidInputError.of(
        'file',
        'tooLong',
        `file ${file.originalname} holds more than ${MAX_IMPORTED_CASE_BYTES} bytes of findings for one case; split it`,
        MAX_IMPORTED_CASE_BYTES,
      );
    }
    return { caseDto, rowNumbers };
  }
}

function requiredFile(file: UploadedIntakeFile | undefined): UploadedIntakeFile {
  if (!file || file.size === 0) {
    throw InvalidInputError.of('file', 'required', 'file is required: a CSV or XLSX of findings in the multipart field "file"');
  }
  return file;
}
