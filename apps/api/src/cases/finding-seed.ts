import type { FindingSeed } from '@reform/contracts';
import { normaliseIsoDate } from '../validation/iso-date.validators';
import type { NewFindingDto } from './dto/new-finding.dto';

/** A validated finding with the id and creation time the API fixes for it. */
export function findingSeed(dto: NewFindingDto, caseId: string, createdAt: string, id: string): FindingSeed {
  return {
    id,
    caseId,
    createdAt,
    title: dto.title,
    description: dto.description,
    ...(dto.category !== undefined ? { category: dto.category } : {}),
    unitId: dto.unitId,
    ...(dto.responsiblePerson !== undefined ? { responsiblePerson: dto.responsiblePerson } : {}),
    dueAt: normaliseIsoDate(dto.dueAt),
  };
}
