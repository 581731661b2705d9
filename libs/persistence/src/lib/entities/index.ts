import { CaseCodeEntity } from './case-code.entity';
import { CaseEntity } from './case.entity';
import { EventEntity } from './event.entity';
import { FindingEntity } from './finding.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { NotificationEntity } from './notification.entity';

export { CaseCodeEntity, CaseEntity, EventEntity, FindingEntity, IdempotencyKeyEntity, NotificationEntity };
export type { NotificationStatus } from './notification.entity';

export const ENTITIES = [
  CaseCodeEntity,
  CaseEntity,
  FindingEntity,
  EventEntity,
  NotificationEntity,
  IdempotencyKeyEntity,
];
