import type {
  AddressedNotification,
  AddressingOrgUnit,
  AddressingPerson,
  Notification,
  NotificationAddresser,
  NotificationContext,
} from '@reform/contracts';
import { insertRowsSql, type NotificationStatus, type TableRow } from './schema';
import type { Sql } from './sql-transaction';

const NOTIFICATION_COLUMNS = [
  'key',
  'kind',
  'finding_id',
  'recommendation_id',
  'interview_id',
  'case_id',
  'unit_id',
  'tracking_office_id',
  'recipient',
  'recipients',
  'subject',
  'title',
  'body',
  'data',
  'created_at',
  'status',
] as const;
type NotificationRow = Pick<TableRow<'notifications'>, (typeof NOTIFICATION_COLUMNS)[number]>;
// Attempts, last error and delivery time keep their defaults: the deliveries carry their own.
const INSERT_NOTIFICATIONS = `${insertRowsSql('notifications', 'ON CONFLICT (key) DO NOTHING', [...NOTIFICATION_COLUMNS])} RETURNING key`;

const DELIVERY_COLUMNS = [
  'notification_key',
  'channel',
  'person_id',
  'address',
  'queue',
  'status',
  'last_error',
  'delivered_at',
  'created_at',
] as const;
type DeliveryRow = Pick<TableRow<'notification_deliveries'>, (typeof DELIVERY_COLUMNS)[number]>;
const INSERT_DELIVERIES = insertRowsSql('notification_deliveries', '', [...DELIVERY_COLUMNS]);

/** What each notification concerns, as the read model has it inside the recording transaction. */
const CONTEXTS = `
  WITH n AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(key text, finding_id uuid, recommendation_id uuid, interview_id uuid))
  SELECT n.key,
         coalesce(f.unit_id, r.unit_id, i.unit_id) AS unit_id,
         u.name AS unit_name,
         coalesce(f.tracking_office_id, r.tracking_office_id, i.tracking_office_id) AS tracking_office_id,
         f.title AS finding_title,
         c.code AS case_code,
         coalesce(r.title, fr.title) AS recommendation_title,
         coalesce(r.doc_no, fr.doc_no) AS doc_no
  FROM n
  LEFT JOIN findings f ON f.id = n.finding_id
  LEFT JOIN recommendations r ON r.id = n.recommendation_id
  LEFT JOIN recommendations fr ON fr.id = f.recommendation_id
  LEFT JOIN interviews i ON i.id = n.interview_id
  LEFT JOIN cases c ON c.id = coalesce(f.case_id, r.case_id)
  LEFT JOIN org_units u ON u.id = coalesce(f.unit_id, r.unit_id, i.unit_id)`;

/** The org units from these up to the root, and the people they name or hold. */
const REGISTER_CHAIN = `
  WITH RECURSIVE chain AS (
    SELECT id, kind, parent_id, active, head_person_id, liaison_person_id FROM org_units WHERE id = ANY($1::text[])
    UNION
    SELECT o.id, o.kind, o.parent_id, o.active, o.head_person_id, o.liaison_person_id FROM org_units o JOIN chain ON o.id = chain.parent_id
  )
  SELECT 'org' AS what, to_jsonb(chain) AS row FROM chain
  UNION ALL
  SELECT 'person', to_jsonb(p) FROM people p
  WHERE p.org_unit_id IN (SELECT id FROM chain) OR p.id = ANY($2::text[])
     OR p.id IN (SELECT head_person_id FROM chain UNION SELECT liaison_person_id FROM chain)`;

interface ContextRow {
  key: string;
  unit_id: string | null;
  unit_name: string | null;
  tracking_office_id: string | null;
  finding_title: string | null;
  case_code: string | null;
  recommendation_title: string | null;
  doc_no: string | null;
}

const interviewIdOf = (notification: Notification): string | null =>
  typeof notification.data['interviewId'] === 'string' ? notification.data['interviewId'] : null;

async function contexts(sql: Sql, notifications: Notification[]): Promise<Map<string, NotificationContext>> {
  const rows = await sql<ContextRow>(CONTEXTS, [
    JSON.stringify(
      notifications.map((n) => ({
        key: n.key,
        finding_id: n.findingId,
        recommendation_id: n.recommendationId ?? null,
        interview_id: interviewIdOf(n),
      })),
    ),
  ]);
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return new Map(
    notifications.map((n) => {
      const row = byKey.get(n.key);
      const unitId = row?.unit_id ?? (n.recipient.kind === 'unit' ? n.recipient.unitId : null);
      return [
        n.key,
        {
          unitId,
          unitName: row?.unit_name ?? null,
          trackingOfficeId: row?.tracking_office_id ?? null,
          findingTitle: row?.finding_title ?? null,
          caseCode: row?.case_code ?? null,
          recommendationTitle: row?.recommendation_title ?? null,
          docNo: row?.doc_no ?? null,
          interviewId: interviewIdOf(n),
        },
      ];
    }),
  );
}

/** The registers' part that addressing these notifications can reach, read in the same transaction. */
async function register(sql: Sql, notifications: Notification[], context: Map<string, NotificationContext>) {
  const orgUnitIds = new Set<string>(['ROOT']);
  const personIds = new Set<string>();
  for (const n of notifications) {
    const concerned = context.get(n.key);
    if (concerned?.unitId) orgUnitIds.add(concerned.unitId);
    if (concerned?.trackingOfficeId) orgUnitIds.add(concerned.trackingOfficeId);
    if (n.recipient.kind === 'unit') orgUnitIds.add(n.recipient.unitId);
    if (n.recipient.kind === 'office') orgUnitIds.add(n.recipient.orgUnitId);
    if (n.recipient.kind === 'person') personIds.add(n.recipient.personId);
  }
  const rows = await sql<{ what: 'org' | 'person'; row: Record<string, never> }>(REGISTER_CHAIN, [[...orgUnitIds], [...personIds]]);
  const orgUnits = new Map<string, AddressingOrgUnit>();
  const people = new Map<string, AddressingPerson>();
  for (const { what, row } of rows) {
    if (what === 'org') {
      orgUnits.set(row['id'], {
        id: row['id'],
        kind: row['kind'],
        parentId: row['parent_id'],
        active: row['active'],
        headPersonId: row['head_person_id'],
        liaisonPersonId: row['liaison_person_id'],
      });
    } else {
      people.set(row['id'], {
        id: row['id'],
        name: row['name'],
        orgUnitId: row['org_unit_id'],
        email: row['email'],
        wecomUserId: row['wecom_user_id'],
        active: row['active'],
      });
    }
  }
  return { orgUnits, people };
}

function statusOf(addressed: AddressedNotification): NotificationStatus {
  const outside = addressed.deliveries.filter((delivery) => delivery.channel !== 'inbox');
  if (outside.length === 0) return 'recorded';
  if (outside.some((delivery) => delivery.status === 'pending')) return 'pending';
  return outside.some((delivery) => delivery.status === 'failed') ? 'failed' : 'delivered';
}

function notificationRow(addressed: AddressedNotification): NotificationRow {
  const { notification: n, context, text, recipients } = addressed;
  return {
    key: n.key,
    kind: n.kind,
    finding_id: n.findingId,
    recommendation_id: n.recommendationId ?? null,
    interview_id: context.interviewId,
    case_id: n.caseId,
    unit_id: context.unitId,
    tracking_office_id: context.trackingOfficeId,
    recipient: n.recipient,
    recipients,
    subject: n.subject,
    title: text.title,
    body: text.body,
    data: n.data ?? {},
    created_at: n.at,
    status: statusOf(addressed),
  };
}

function deliveryRows(addressed: AddressedNotification): DeliveryRow[] {
  return addressed.deliveries.map((delivery) => ({
    notification_key: addressed.notification.key,
    channel: delivery.channel,
    person_id: delivery.personId,
    address: delivery.address,
    queue: delivery.queue,
    status: delivery.status,
    last_error: delivery.lastError,
    delivered_at: delivery.status === 'delivered' ? addressed.notification.at : null,
    created_at: addressed.notification.at,
  }));
}

/**
 * Records notifications once each, in the caller's transaction (a transactional outbox): each
 * addressed from the registers as they stand now, with a delivery per (channel, person). Answers
 * the keys with deliveries still to make — a retried call sees the rows its first attempt wrote,
 * and never addresses a notification twice.
 */
export async function recordNotifications(sql: Sql, notifications: Notification[], address: NotificationAddresser): Promise<string[]> {
  if (notifications.length === 0) return [];
  const context = await contexts(sql, notifications);
  const registers = await register(sql, notifications, context);
  const addressed = notifications.map((n) => address(n, context.get(n.key) as NotificationContext, registers));
  const inserted = new Set(
    (await sql<{ key: string }>(INSERT_NOTIFICATIONS, [JSON.stringify(addressed.map(notificationRow))])).map((row) => row.key),
  );
  const deliveries = addressed.filter((each) => inserted.has(each.notification.key)).flatMap(deliveryRows);
  if (deliveries.length > 0) await sql(INSERT_DELIVERIES, [JSON.stringify(deliveries)]);
  const pending = await sql<{ key: string }>(
    `SELECT DISTINCT notification_key AS key FROM notification_deliveries WHERE notification_key = ANY($1::text[]) AND status = 'pending'`,
    [notifications.map((n) => n.key)],
  );
  return pending.map((row) => row.key);
}
