import type { FindingSeed } from '@reform/contracts';
import type { NewFindingDto } from './dto/new-finding.dto';

/**
 * A validated finding with the id, creation time and deadline the API fixes for it; `dueAt` is
 * already resolved (a working-day count becomes its date here, before any workflow sees it); the
 * tracking office is the one asked for, or `trackingOfficeId` (the opener's org unit).
 */
export function findingSeed(
  dto: NewFindingDto,
  caseId: string,
  createdAt: string,
  id: string,
  dueAt: string,
  trackingOfficeId: string,
): FindingSeed {
  return {
    id,
    caseId,
    createdAt,
    title: dto.title,
    description: dto.description,
    ...(dto.category !== undefined ? { category: dto.category } : {}),
    unitId: dto.unitId,
    ...(dto.responsiblePerson !== undefined ? { responsiblePerson: dto.responsiblePerson } : {}),
    dueAt,
    trackingOfficeId: dto.trackingOfficeId ?? trackingOfficeId,
  };
}
