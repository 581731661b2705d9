import type { Notification, NotificationKind } from './records';
import type { OrgUnitKind } from './vocabulary';

/** Where a notification can reach people (NOTIFY_CHANNELS). */
export const NOTIFY_CHANNELS = ['inbox', 'email', 'wecom', 'webhook'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

/** One delivery's state in the outbox: waiting (and retried), done, or given up with its reason. */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The kinds a person's inbox speaks of (the contract's vocabulary). */
export const INBOX_KINDS = [
  'REMINDER',
  'PLAN_OVERDUE',
  'SUPERVISION_NOTICE',
  'INTERVIEW_NOTICE',
  'ACCOUNTABILITY_PROPOSED',
  'APPROVAL_OVERDUE',
  'RECOMMENDATION_ISSUED',
  'RECEIPT_OVERDUE',
  'REPLY_OVERDUE',
  'FOLLOW_UP_DUE',
  'DAILY_DIGEST',
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/** The contract's kind for a notification the workflows made (their own names predate it). */
export function inboxKind(kind: NotificationKind): InboxKind {
  switch (kind) {
    case 'PLAN_OVERDUE_NOTICE':
      return 'PLAN_OVERDUE';
    case 'INTERVIEW_SCHEDULED':
    case 'INTERVIEW_OVERDUE':
      return 'INTERVIEW_NOTICE';
    default:
      return kind;
  }
}

/** Why a person was reached: as the head (负责人) or liaison (联络人) of an org unit, or as its staff. */
export type NotifiedAs = 'head' | 'liaison' | 'staff';

/** A person a notification was addressed to, as the register had them when it was made. */
export interface NotifiedPerson {
  personId: string;
  name: string;
  /** The org unit through which they were reached (the unit, or the discipline-side office). */
  viaOrgUnitId: string;
  as: NotifiedAs;
  email: string | null;
  wecomUserId: string | null;
}

/** The Chinese words of a notification, for the inbox, the e-mail and the robot. */
export interface NotificationText {
  title: string;
  body: string;
}

/** What the register says about the entity a notification concerns, read when it is recorded. */
export interface NotificationContext {
  unitId: string | null;
  unitName: string | null;
  trackingOfficeId: string | null;
  findingTitle: string | null;
  caseCode: string | null;
  recommendationTitle: string | null;
  docNo: string | null;
  interviewId: string | null;
}

/** One delivery to make: a channel and a person (none for the webhook), with the address it goes to. */
export interface PlannedDelivery {
  channel: NotifyChannel;
  personId: string | null;
  address: string | null;
  /** Deliveries of one queue go out in order; a later one waits for an earlier one still pending. */
  queue: string;
  status: DeliveryStatus;
  lastError: string | null;
}

/** A notification ready for the outbox: its words, the people it reaches and every delivery. */
export interface AddressedNotification {
  notification: Notification;
  context: NotificationContext;
  text: NotificationText;
  recipients: NotifiedPerson[];
  deliveries: PlannedDelivery[];
}

/** Activities that deliver what the outbox holds. */
export interface DeliveryActivities {
  /** Delivers the pending deliveries of one notification, in order per recipient; throws while any waits. */
  deliverNotification(input: { key: string }): Promise<void>;
  /** Puts a failed delivery back to pending (re-reading its address from the register), then delivers it. */
  retryDelivery(input: { deliveryId: string }): Promise<void>;
  /** Makes the day's digest for every person with something due this week or overdue; answers their keys. */
  composeDigests(input: { date: string }): Promise<{ keys: string[] }>;
}

/** An org unit as far as addressing needs it: its place in the tree and whom it names. */
export interface AddressingOrgUnit {
  id: string;
  kind: OrgUnitKind;
  parentId: string | null;
  active: boolean;
  headPersonId: string | null;
  liaisonPersonId: string | null;
}

export interface AddressingPerson {
  id: string;
  name: string;
  orgUnitId: string;
  email: string | null;
  wecomUserId: string | null;
  active: boolean;
}

/** The part of the registers a notification is addressed from, as they stand when it is made. */
export interface AddressingRegister {
  orgUnits: ReadonlyMap<string, AddressingOrgUnit>;
  people: ReadonlyMap<string, AddressingPerson>;
}

/** Addresses a notification from what it concerns and the registers (the worker's domain rules). */
export type NotificationAddresser = (
  notification: Notification,
  context: NotificationContext,
  register: AddressingRegister,
) => AddressedNotification;
