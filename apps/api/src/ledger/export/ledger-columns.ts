import type { Accountability, FindingStatus } from '@reform/contracts';
import { wallClockMs } from '@reform/domain';
import type { LedgerRow } from '@reform/contracts';

/** The Chinese the ledger prints for each status, escalation level and accountability state. */
export const STATUS_LABELS: Record<FindingStatus, string> = {
  DRAFT: '草稿待签发',
  ASSIGNED: '已交办',
  PLAN_SUBMITTED: '方案待审批',
  RECTIFYING: '整改中',
  REPORT_SUBMITTED: '待验收',
  CLOSED: '已销号',
};
export const ESCALATION_LABELS = ['无', '督办', '约谈', '问责建议'];
export const ACCOUNTABILITY_LABELS: Record<Accountability, string> = {
  none: '无',
  proposed: '拟问责',
  referred: '已移送问责',
  rejected: '不予问责',
  decided: '已作出问责决定',
};
/** 四种形态, as the ledger prints them. */
export const FOUR_FORM_LABELS = ['', '第一种形态', '第二种形态', '第三种形态', '第四种形态'];

/** One cell of an export: text, a whole number, or a wall-clock moment in the business zone. */
export type LedgerCell = string | number | { wallClockMs: number; dateOnly: boolean } | null;

export interface LedgerColumn {
  header: string;
  /** Excel column width, in characters (a Chinese character counts about two). */
  width: number;
  cell: (row: LedgerRow, seq: number, timeZone: string) => LedgerCell;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The zone's wall clock (as UTC fields, since spreadsheets have no zones), to the minute or the day. */
const wallClock = (iso: string, timeZone: string, dateOnly: boolean): LedgerCell => {
  const wall = wallClockMs(timeZone, Date.parse(iso));
  const unit = dateOnly ? DAY_MS : MINUTE_MS;
  return { wallClockMs: Math.floor(wall / unit) * unit, dateOnly };
};

/** 台账 columns, in the order supervisors print them. */
export const LEDGER_COLUMNS: LedgerColumn[] = [
  { header: '序号', width: 7, cell: (_, seq) => seq },
  { header: '案件编号', width: 15, cell: (row) => row.caseCode },
  { header: '案件名称', width: 32, cell: (row) => row.caseTitle },
  { header: '问题', width: 44, cell: (row) => row.title },
  { header: '责任单位', width: 18, cell: (row) => row.unitName ?? row.unitId },
  { header: '责任人', width: 10, cell: (row) => row.responsiblePerson },
  { header: '整改时限', width: 18, cell: (row, _, zone) => wallClock(row.dueAt, zone, false) },
  { header: '整改状态', width: 12, cell: (row) => STATUS_LABELS[row.status] },
  { header: '是否逾期', width: 10, cell: (row) => (row.overdue ? '是' : '否') },
  { header: '督办层级', width: 10, cell: (row) => ESCALATION_LABELS[row.escalationLevel] ?? String(row.escalationLevel) },
  { header: '问责情况', width: 12, cell: (row) => ACCOUNTABILITY_LABELS[row.accountability] },
  { header: '问责方式', width: 12, cell: (row) => row.accountabilityForm },
  { header: '形态', width: 12, cell: (row) => (row.fourForm === null ? null : FOUR_FORM_LABELS[row.fourForm]) },
  { header: '跟踪单位', width: 18, cell: (row) => row.trackingOfficeName ?? row.trackingOfficeId },
  { header: '建议书文号', width: 20, cell: (row) => row.recommendationDocNo },
  { header: '销号日期', width: 12, cell: (row, _, zone) => (row.closedAt ? wallClock(row.closedAt, zone, true) : null) },
];

export const LEDGER_HEADERS = LEDGER_COLUMNS.map((column) => column.header);
