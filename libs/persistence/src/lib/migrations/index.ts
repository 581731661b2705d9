import { InitialSchema1764300000000 } from './1764300000000-initial-schema';
import { AuditHashChain1764400000000 } from './1764400000000-audit-hash-chain';
import { Reconciliation1764600000000 } from './1764600000000-reconciliation';
import { LedgerListIndexes1764700000000 } from './1764700000000-ledger-list-indexes';
import { Organisation1764800000000 } from './1764800000000-organisation';
import { Files1764900000000 } from './1764900000000-files';
import { Documents1764900000001 } from './1764900000001-documents';
import { Recommendations1765000000000 } from './1765000000000-recommendations';
import { AccountabilityOutcomes1766000000000 } from './1766000000000-accountability-outcomes';
import { Interviews1766100000000 } from './1766100000000-interviews';
import { NotificationDeliveries1766200000000 } from './1766200000000-notification-deliveries';
import { NotificationInboxIndexes1766300000000 } from './1766300000000-notification-inbox-indexes';
import { OpenFindingsIndex1766400000000 } from './1766400000000-open-findings-index';
import { FindingCounts1766500000000 } from './1766500000000-finding-counts';

export const MIGRATIONS = [
  InitialSchema1764300000000,
  AuditHashChain1764400000000,
  Reconciliation1764600000000,
  LedgerListIndexes1764700000000,
  Organisation1764800000000,
  Files1764900000000,
  Documents1764900000001,
  Recommendations1765000000000,
  AccountabilityOutcomes1766000000000,
  Interviews1766100000000,
  NotificationDeliveries1766200000000,
  NotificationInboxIndexes1766300000000,
  OpenFindingsIndex1766400000000,
  FindingCounts1766500000000,
];
