import { z } from 'zod/v4';
import { CaseWithFindingsSchema, FindingViewSchema, shapeComponents, shapeId, type JsonSchema } from './index';

/** The Finding's fields as api-contract.md lists them ("Finding as returned everywhere", and v1.1's "Tightened"). */
const CONTRACT_FINDING_FIELDS = [
  'id',
  'caseId',
  'title',
  'description',
  'category',
  'unitId',
  'responsiblePerson',
  'dueAt',
  'status',
  'overdue',
  'escalationLevel',
  'accountability',
  'pendingApproval',
  'trackingOfficeId',
  'recommendationId',
  'interviewId',
  'accountabilityOutcome',
  'createdAt',
  'updatedAt',
  'closedAt',
];

const components = shapeComponents();

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (!value || typeof value !== 'object') return [];
  const node = value as JsonSchema;
  return [...(typeof node['$ref'] === 'string' ? [node['$ref']] : []), ...Object.values(node).flatMap(refsIn)];
}

describe('the response shapes', () => {
  it('give the Finding exactly the fields of the contract, all of them required', () => {
    const finding = components['Finding'];
    expect(Object.keys(finding['properties'] as object)).toEqual(CONTRACT_FINDING_FIELDS);
    expect(finding['required']).toEqual(CONTRACT_FINDING_FIELDS);
  });

  it('refer to nested shapes by component name, and every reference resolves', () => {
    const refs = Object.values(components).flatMap(refsIn);
    expect(refs).toContain('#/components/schemas/Finding');
    expect(refs.filter((ref) => !(ref.replace('#/components/schemas/', '') in components))).toEqual([]);
    expect(JSON.stringify(components['CaseWithFindings'])).toContain(
      '"findings":{"type":"array","items":{"$ref":"#/components/schemas/Finding"}}',
    );
  });

  it('leave objects open, since the contract may add fields', () => {
    expect(JSON.stringify(components)).not.toContain('"additionalProperties":false');
  });

  it('carry no JSON Schema dialect or id of their own (the OpenAPI document sets those)', () => {
    for (const schema of Object.values(components)) expect(Object.keys(schema)).not.toEqual(expect.arrayContaining(['$schema']));
    expect(components['Finding']).not.toHaveProperty('$id');
    expect(components['Finding']).not.toHaveProperty('id');
    expect(components['Finding']['description']).toMatch(/问题/);
  });

  it('name a declared shape, and refuse a schema never declared', () => {
    expect(shapeId(FindingViewSchema)).toBe('Finding');
    expect(shapeId(CaseWithFindingsSchema)).toBe('CaseWithFindings');
    expect(() => shapeId(z.object({}))).toThrow(/not a declared response shape/);
  });

  it('give the inbox and the outbox exactly the fields of the contract ("Notifications, extended")', () => {
    const fields = (id: string) => Object.keys(components[id]['properties'] as object);
    expect(fields('InboxNotification')).toEqual([
      'id',
      'kind',
      'findingId',
      'recommendationId',
      'interviewId',
      'title',
      'body',
      'createdAt',
      'readAt',
    ]);
    expect(fields('InboxPage')).toEqual(['items', 'unread', 'total']);
    expect(fields('NotificationDelivery')).toEqual([
      'id',
      'notificationId',
      'kind',
      'channel',
      'recipient',
      'status',
      'attempts',
      'lastError',
      'nextAttemptAt',
      'deliveredAt',
    ]);
    expect(components['HealthReport']['required']).toEqual(['status', 'checks']);
  });
});
