import type { AppConfigService } from '@reform/config';
import type { DocumentRequest } from '@reform/contracts';
import { createFileStore, DocumentStore } from '@reform/persistence';
import { randomUUID } from 'node:crypto';
// The worker's activity is tested in place: apps are not importable libraries.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { DocumentActivitiesService } from '../../apps/worker/src/documents/document-activities';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { InlineDocumentRenderer } from '../../apps/worker/src/documents/document-renderer';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const request = (sourceKey: string): DocumentRequest => ({
  kind: 'supervision_notice',
  sourceKey,
  caseId: randomUUID(),
  recipientUnitId: 'ROOT',
  issuerOrgUnitId: null,
  findings: [{ id: randomUUID(), title: '公务用车管理不规范', dueAt: '2026-03-01T10:00:00.000Z' }],
  issuedAt: '2026-03-02T10:00:00.000Z',
});

describe('issueDocument: numbered once, rendered and frozen once, whatever the retries (real PostgreSQL)', () => {
  let db: TestDatabase;
  let activities: DocumentActivitiesService;
  const rows = async (sql: string, parameters: unknown[] = []) => db.dataSource.query(sql, parameters);

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = { values: { TZ_BUSINESS: 'Asia/Shanghai' } } as unknown as AppConfigService;
    activities = new DocumentActivitiesService(
      new DocumentStore(db.dataSource),
      createFileStore({ kind: 'postgres' }, db.dataSource),
      config,
      new InlineDocumentRenderer(),
    );
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('answers a retried and a concurrent try with the first document and number, and freezes it once', async () => {
    const first = request(`${randomUUID()}:7`);
    const [a, b] = await Promise.all([activities.issueDocument(first), activities.issueDocument(first)]);
    const again = await activities.issueDocument(first);
    expect(b).toEqual(a);
    expect(again).toEqual(a);
    expect(a.docNo).toMatch(/〔2026〕1号$/);
    expect(await rows(`SELECT id FROM documents WHERE source_key = $1`, [first.sourceKey])).toHaveLength(1);
    const issued = await rows(`SELECT data FROM events WHERE entity_id = $1 AND type = 'DOCUMENT_ISSUED'`, [a.documentId]);
    expect(issued).toHaveLength(1);
    const [frozen] = await rows(`SELECT sha256_pdf, sha256_docx FROM documents WHERE id = $1`, [a.documentId]);
    expect(issued[0].data).toMatchObject({ sha256Pdf: frozen.sha256_pdf, sha256Docx: frozen.sha256_docx, docNo: a.docNo });
  });

  it('gives the next source the next number of the kind and year, with none skipped', async () => {
    const numbers = [];
    for (const seq of [1, 2, 3]) numbers.push((await activities.issueDocument(request(`${randomUUID()}:${seq}`))).docNo);
    expect(numbers.map((docNo) => docNo.match(/〔2026〕(\d+)号$/)?.[1])).toEqual(['2', '3', '4']);
  });

  it('issues a 建议书 with its causes, measures and reply deadline, numbered in its own kind', async () => {
    const recommendation: DocumentRequest = {
      ...request(`${randomUUID()}:issue`),
      kind: 'recommendation',
      causeAnalysis: '财务审批制度执行不严',
      measures: '健全津补贴审批制度',
      replyDueAt: '2026-03-20T10:00:00.000Z',
    };
    const issued = await activities.issueDocument(recommendation);
    expect(issued.docNo).toMatch(/^纪建〔2026〕1号$/);
    const [row] = await rows(`SELECT kind, frozen_at FROM documents WHERE id = $1`, [issued.documentId]);
    expect(row.kind).toBe('recommendation');
    expect(row.frozen_at).not.toBeNull();
    const { causeAnalysis: _, ...withoutCauses } = recommendation;
    await expect(activities.issueDocument({ ...withoutCauses, sourceKey: `${randomUUID()}:issue` })).rejects.toThrow(/causeAnalysis/);
  });
});
