import { ROOT_ORG_UNIT_ID, type Principal, type RecommendationSeed } from '@reform/contracts';
import { findingSeed } from '../cases/finding-seed';
import { orderedIds } from '../cases/ordered-ids';
import type { CreateRecommendationDto } from './dto/create-recommendation.dto';

/** Deadlines already resolved by the API: the reply's, and each item's (by its index). */
export interface ResolvedDeadlines {
  replyDueAt: string;
  itemDueAt: (index: number) => string;
}

/**
 * A validated draft with the ids, times and deadlines the API fixes for it: its items become
 * findings of its unit, tracked by the drafter's org unit (谁建议、谁跟踪), and carried by it.
 */
export function recommendationSeed(
  dto: CreateRecommendationDto,
  caseId: string,
  user: Principal,
  createdAt: string,
  deadlines: ResolvedDeadlines,
): RecommendationSeed {
  const [id, ...findingIds] = orderedIds(dto.findings.length + 1, Date.parse(createdAt));
  const trackingOfficeId = user.orgUnitId ?? ROOT_ORG_UNIT_ID;
  return {
    id,
    caseId,
    unitId: dto.unitId,
    trackingOfficeId,
    title: dto.title,
    causeAnalysis: dto.causeAnalysis,
    measures: dto.measures,
    replyDueAt: deadlines.replyDueAt,
    draftedBy: { id: user.id, name: user.name },
    createdAt,
    findings: dto.findings.map((item, index) => ({
      ...findingSeed({ ...item, unitId: dto.unitId }, caseId, createdAt, findingIds[index], deadlines.itemDueAt(index), trackingOfficeId),
      recommendationId: id,
    })),
  };
}
