import { z } from 'zod/v4';
import { DELIVERY_STATUSES, INBOX_KINDS, NOTIFY_CHANNELS } from '../lib/notification';
import { Count, Instant, shape, Uuid } from './registry';

/** 通知 — one notification as its reader's inbox shows it, in Chinese, with what it concerns. */
export const InboxNotificationSchema = shape(
  'InboxNotification',
  '通知 — a notification in the reader’s inbox: its kind, what it concerns, its Chinese title and body, and when the reader read it',
  z.object({
    /** The notification's key: stable, and what POST /notifications/:id/read takes. */
    id: z.string(),
    kind: z.enum(INBOX_KINDS),
    findingId: Uuid.nullable(),
    recommendationId: Uuid.nullable(),
    interviewId: Uuid.nullable(),
    title: z.string(),
    body: z.string(),
    createdAt: Instant,
    /** When this reader marked it read; null while unread (read state is per person). */
    readAt: Instant.nullable(),
  }),
);
export type InboxNotification = z.infer<typeof InboxNotificationSchema>;

export const InboxPageSchema = shape(
  'InboxPage',
  'one page of the caller’s notifications, newest first; how many match the filter, and how many of all of them are unread',
  z.object({ items: z.array(InboxNotificationSchema), unread: Count, total: Count }),
);
export type InboxPage = z.infer<typeof InboxPageSchema>;

const DeliveryRecipientSchema = z.object({
  /** Null for the webhook, which reaches no one person. */
  personId: z.string().nullable(),
  /** Their name as the register had it when the notification was made; null for the webhook. */
  name: z.string().nullable(),
  /** The org unit the person was reached through (as the notification recorded it), else the unit it concerns. */
  unitId: z.string().nullable(),
  /** The e-mail address, WeCom user id or URL it goes to; null for the inbox. */
  address: z.string().nullable(),
});

/** One delivery of a notification on one channel to one person, as the outbox holds it. */
export const NotificationDeliverySchema = shape(
  'NotificationDelivery',
  'one delivery of a notification on one channel to one person: pending (retried with backoff), delivered, or failed with its last error',
  z.object({
    /** The delivery's id (a whole number, as a string); what POST /ops/notifications/:id/retry takes. */
    id: z.string().meta({ pattern: '^[0-9]+$' }),
    /** The notification's key, as GET /notifications answers it. */
    notificationId: z.string(),
    kind: z.enum(INBOX_KINDS),
    channel: z.enum(NOTIFY_CHANNELS),
    recipient: DeliveryRecipientSchema,
    status: z.enum(DELIVERY_STATUSES),
    attempts: Count,
    lastError: z.string().nullable(),
    /** When a pending delivery is tried next; null once settled. */
    nextAttemptAt: Instant.nullable(),
    deliveredAt: Instant.nullable(),
  }),
);
export type NotificationDelivery = z.infer<typeof NotificationDeliverySchema>;

export const NotificationDeliveryPageSchema = shape(
  'NotificationDeliveryPage',
  'a page of deliveries, newest first, and how many match in all',
  z.object({ items: z.array(NotificationDeliverySchema), total: Count }),
);
export type NotificationDeliveryPage = z.infer<typeof NotificationDeliveryPageSchema>;

export const DeliveryRetrySchema = shape(
  'DeliveryRetry',
  'a failed delivery’s retry, accepted: it goes back to pending and is sent again',
  z.object({ id: z.string(), status: z.literal('pending') }),
);
export type DeliveryRetry = z.infer<typeof DeliveryRetrySchema>;
