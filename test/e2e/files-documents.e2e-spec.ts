import type { DocumentList, ErrorCode, FileDownloadList, IssuedDocumentView, StoredFile } from '@reform/contracts';
import JSZip from 'jszip';
import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { PDFDocument } from 'pdf-lib';
import {
  Api,
  auditor,
  expectErrorBody,
  expectNoServerErrorsInEachTest,
  officer,
  Steps,
  supervisor,
  uniqueText,
  uniqueUnit,
  unitUser,
  type AuthHeaders,
} from '../support/contract';
import { eventually } from '../support/http';
import { SECONDS_POLICIES, Stack } from '../support/stack';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const V1 = '/api/v1';
const MAX_BYTES = 1024 * 1024;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** One `file` part, built by hand so that hostile names reach the server exactly as written. */
function multipart(name: string, content: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----reform${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('files and documents: evidence stored, downloaded, audited; documents issued, frozen, served (external PostgreSQL)', () => {
  let database: TestDatabase;
  let stack: Stack;
  let api: Api;
  let steps: Steps;
  const unitA = uniqueUnit('FA');
  const unitB = uniqueUnit('FB');
  const [unitAUser, unitBUser] = [unitUser(unitA), unitUser(unitB)];

  const count = async (table: string) => Number((await database.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
  const upload = (headers: AuthHeaders, name: string, content: Buffer) =>
    api.upload<StoredFile>(`${V1}/files`, { name, content }, {}, headers);
  const raw = async (path: string, headers: Record<string, string>) => {
    const response = await fetch(stack.url(path), { headers });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  };
  const post = async (headers: AuthHeaders, name: string, content: Buffer) => {
    const { body, contentType } = multipart(name, content);
    const response = await fetch(stack.url(`${V1}/files`), { method: 'POST', headers: { ...headers, 'content-type': contentType }, body });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await Stack.start({
      env: { ...SECONDS_POLICIES, DATABASE_URL: database.url, FILE_MAX_BYTES: String(MAX_BYTES), FILE_UPLOAD_IDLE_SECONDS: '2' },
    });
    api = new Api(stack.url(''));
    steps = new Steps(api);
    await api.registerUnits(unitA, unitB);
  });
  afterAll(async () => {
    await stack?.stop();
    await database?.drop();
  });
  expectNoServerErrorsInEachTest(() => api);

  describe('upload and download', () => {
    it('stores an upload with the SHA-256 the server computed, and serves it to its uploader with ETag, Range and a UTF-8 name', async () => {
      const uploaded = await upload(unitAUser, '整改报告.pdf', PDF);
      expect(uploaded.status).toBe(201);
      expect(uploaded.body).toMatchObject({ name: '整改报告.pdf', size: PDF.length, contentType: 'application/pdf', sha256: sha256(PDF) });
      expect(uploaded.body.uploadedBy).toBe(`unit-user-${unitA}`);

      const whole = await raw(`${V1}/files/${uploaded.body.id}`, unitAUser);
      expect(whole.status).toBe(200);
      expect(whole.bytes.equals(PDF)).toBe(true);
      expect(whole.headers.get('etag')).toBe(`"${sha256(PDF)}"`);
      expect(whole.headers.get('content-type')).toBe('application/pdf');
      expect(whole.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('整改报告.pdf')}`);

      const part = await raw(`${V1}/files/${uploaded.body.id}`, { ...unitAUser, range: 'bytes=0-3' });
      expect(part.status).toBe(206);
      expect(part.bytes.toString()).toBe('%PDF');
      expect(part.headers.get('content-range')).toBe(`bytes 0-3/${PDF.length}`);
      expect((await raw(`${V1}/files/${uploaded.body.id}`, { ...unitAUser, 'if-none-match': `"${sha256(PDF)}"` })).status).toBe(304);
      expect((await raw(`${V1}/files/${uploaded.body.id}`, { ...unitAUser, range: `bytes=${PDF.length + 10}-` })).status).toBe(416);
    });

    it('keeps one copy of the same bytes uploaded twice, as two files', async () => {
      const before = await count('files');
      const content = Buffer.from(`同一份证据 ${randomBytes(8).toString('hex')}\n`);
      const [first, second] = [await upload(unitAUser, 'a.txt', content), await upload(unitAUser, 'b.txt', content)];
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(first.body.id).not.toBe(second.body.id);
      expect(second.body.sha256).toBe(first.body.sha256);
      expect(await count('files')).toBe(before + 2);
      const blobs = await database.dataSource.query(`SELECT count(*)::int AS n FROM blobs WHERE sha256 = $1`, [first.body.sha256]);
      expect(blobs[0].n).toBe(1);
    });

    it('answers 404 for a file to anyone but its uploader until it is evidence of a finding they may see', async () => {
      const uploaded = await upload(unitAUser, '会议纪要.pdf', Buffer.concat([PDF, randomBytes(16)]));
      expect(uploaded.status).toBe(201);
      for (const who of [unitBUser, supervisor, officer, auditor]) {
        const answer = await api.get(`${V1}/files/${uploaded.body.id}`, who);
        expect(answer.status).toBe(404);
        expectErrorBody(answer.body, 404);
      }
      expect((await api.get(`${V1}/files/00000000-0000-4000-8000-000000000000`, unitAUser)).status).toBe(404);
      expect((await api.get(`${V1}/files/not-a-uuid`, unitAUser)).status).toBe(404);
    });
  });

  describe('hostile uploads: a clear 4xx and nothing stored', () => {
    const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), randomBytes(512)]);
    const PE = Buffer.concat([Buffer.from('MZ'), randomBytes(512)]);

    it.each([
      ['an executable renamed .pdf → 415', '报告.pdf', ELF, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['a Windows executable renamed .docx → 415', '方案.docx', PE, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['zero bytes → 400', 'empty.pdf', Buffer.alloc(0), 400, 'VALIDATION_FAILED'],
      ['over FILE_MAX_BYTES → 413', 'big.pdf', Buffer.concat([PDF, Buffer.alloc(MAX_BYTES + 1)]), 413, 'PAYLOAD_TOO_LARGE'],
      ['a name with a path → 400', '../../etc/passwd.pdf', PDF, 400, 'VALIDATION_FAILED'],
      ['a name with a backslash → 400', 'C:\\evidence\\a.pdf', PDF, 400, 'VALIDATION_FAILED'],
      ['a name with a control character → 400', 'a\u0001b.pdf', PDF, 400, 'VALIDATION_FAILED'],
    ] as Array<[string, string, Buffer, number, ErrorCode]>)('%s', async (_what, name, content, status, code) => {
      const [files, chunks] = [await count('files'), await count('blob_chunks')];
      const answer = await post(unitAUser, name, content);
      expect(answer.status).toBe(status);
      expectErrorBody(answer.body, status, /./, { code });
      if (status === 400) expect(answer.body.field).toBe('file');
      expect([await count('files'), await count('blob_chunks')]).toEqual([files, chunks]);
    });

    it('cuts off an upload that stalls (408) and keeps nothing of what it sent', async () => {
      const [files, chunks] = [await count('files'), await count('blob_chunks')];
      const { body, contentType } = multipart('slow.pdf', Buffer.concat([PDF, randomBytes(200_000)]));
      const url = new URL(stack.url(`${V1}/files`));
      const status = await new Promise<number>((resolve, reject) => {
        const request = httpRequest(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            headers: { ...unitAUser, 'content-type': contentType, 'content-length': body.length },
          },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        request.on('error', reject);
        request.write(body.subarray(0, 100_000)); // then nothing more
      });
      expect(status).toBe(408);
      await eventually(
        async () => [await count('files'), await count('blob_chunks')],
        (now) => now[0] === files && now[1] === chunks,
        10_000,
      );
    });

    it('refuses a body that is not multipart, or has no file part, naming the field', async () => {
      const json = await api.post(`${V1}/files`, { file: 'x' }, unitAUser);
      expect(json.status).toBe(400);
      expect(json.body).toMatchObject({ field: 'file' });
      const { body, contentType } = multipart('x.txt', Buffer.from('x'));
      const otherField = await fetch(stack.url(`${V1}/files`), {
        method: 'POST',
        headers: { ...unitAUser, 'content-type': contentType },
        body: body.toString('latin1').replace('name="file"', 'name="attachment"'),
      });
      expect(otherField.status).toBe(400);
      expect(await otherField.json()).toMatchObject({ field: 'file', code: 'VALIDATION_FAILED' });
      expect((await api.upload(`${V1}/files`, { name: 'a.txt', content: 'hello' }, {}, auditor)).status).toBe(403);
    });
  });

  describe('evidence by fileId', () => {
    it('takes a fileId the unit uploaded: the event shows {fileId, name, sha256}, and the supervisor may then read it', async () => {
      const finding = await steps.oneFinding(unitA);
      await steps.toRectifying(finding.id, unitAUser);
      const file = (await upload(unitAUser, '整改照片.jpg', Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), randomBytes(100)])))
        .body;
      const reported = await steps.report(finding.id, unitAUser, [
        { fileId: file.id },
        { name: 'v1.pdf', sha256: 'b'.repeat(64), uri: 'https://x/1' },
      ]);
      expect(reported.status).toBe(200);
      const timeline = (await steps.finding(finding.id)).body.events;
      const event = timeline.find((each) => each.type === 'REPORT_SUBMITTED');
      expect(event?.data['evidence']).toEqual([
        { fileId: file.id, name: '整改照片.jpg', sha256: file.sha256 },
        { name: 'v1.pdf', sha256: 'b'.repeat(64), uri: 'https://x/1' },
      ]);
      await eventually(
        () => api.get(`${V1}/files/${file.id}`, supervisor),
        (answer) => answer.status === 200,
        10_000,
      );
      expect((await raw(`${V1}/files/${file.id}`, auditor)).status).toBe(200);
      expect((await api.get(`${V1}/files/${file.id}`, unitBUser)).status).toBe(404);

      const downloads = await api.get<FileDownloadList>(`${V1}/files/${file.id}/downloads`, auditor);
      expect(downloads.status).toBe(200);
      expect(downloads.body.items.map((item) => item.actor)).toEqual(expect.arrayContaining(['supervisor-1', 'auditor-1']));
    });

    it("refuses another unit's file, an unknown file, and fileId mixed with v1 fields, naming the item", async () => {
      const finding = await steps.oneFinding(unitA);
      await steps.toRectifying(finding.id, unitAUser);
      const foreign = (await upload(unitBUser, 'b.txt', Buffer.from('B 单位的文件\n'))).body;
      for (const [evidence, field] of [
        [[{ fileId: foreign.id }], 'evidence[0].fileId'],
        [[{ name: 'a', sha256: 'c'.repeat(64), uri: 'u' }, { fileId: '00000000-0000-4000-8000-000000000000' }], 'evidence[1].fileId'],
        [[{ fileId: 'nope' }], 'evidence[0].fileId'],
        [[{ fileId: foreign.id, name: 'x' }], 'evidence[0].fileId'],
      ] as const) {
        const answer = await steps.report(finding.id, unitAUser, [...evidence]);
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED', field });
      }
    });
  });

  describe('documents issued by the ladder', () => {
    let documents: IssuedDocumentView[];
    let findingId: string;
    let title: string;

    beforeAll(async () => {
      title = uniqueText('超标准公务接待');
      const opened = await steps.openCase([{ unitId: unitA, title, dueAt: new Date(Date.now() + 2_000).toISOString() }]);
      findingId = opened.findings[0].id;
      const listed = await eventually(
        () => api.get<DocumentList>(`${V1}/findings/${findingId}/documents`, supervisor),
        (answer) => answer.status === 200 && answer.body.items.length === 3,
        40_000,
      );
      documents = listed.body.items;
    });

    it('issues 督办通知书, 约谈通知书 and 问责建议书, one per rung, numbered per year and kind', () => {
      expect(documents.map((document) => document.kind)).toEqual(['supervision_notice', 'interview_notice', 'accountability_proposal']);
      for (const document of documents) {
        expect(document.docNo).toMatch(/〔\d{4}〕[1-9]\d*号$/);
        expect(document.sha256Pdf).toMatch(/^[a-f0-9]{64}$/);
        expect(document.sha256Docx).toMatch(/^[a-f0-9]{64}$/);
      }
    });

    it('serves the frozen bytes of both renderings to the unit and the supervisor, matching DOCUMENT_ISSUED; not to another unit', async () => {
      const [notice] = documents;
      const pdf = await raw(`${V1}/documents/${notice.id}`, unitAUser);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(sha256(pdf.bytes)).toBe(notice.sha256Pdf);
      const parsed = await PDFDocument.load(pdf.bytes);
      expect(parsed.getPageCount()).toBeGreaterThanOrEqual(1);

      const docx = await raw(`${V1}/documents/${notice.id}?format=docx`, supervisor);
      expect(docx.status).toBe(200);
      expect(sha256(docx.bytes)).toBe(notice.sha256Docx);
      const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')?.async('string');
      expect(xml).toContain(notice.docNo);
      expect(xml).toContain(title);
      expect(xml).toContain(`单位 ${unitA}`);

      const [issued] = await database.dataSource.query(`SELECT data FROM events WHERE entity_id = $1 AND type = 'DOCUMENT_ISSUED'`, [
        notice.id,
      ]);
      expect(issued.data).toMatchObject({
        docNo: notice.docNo,
        sha256Pdf: notice.sha256Pdf,
        sha256Docx: notice.sha256Docx,
        findingIds: [findingId],
      });

      for (const path of [`${V1}/documents/${notice.id}`, `${V1}/findings/${findingId}/documents`]) {
        expect((await api.get(path, unitBUser)).status).toBe(404);
      }
      expect((await api.get(`${V1}/documents/${notice.id}?format=odt`, supervisor)).body).toMatchObject({ field: 'format' });
    });

    it('numbers documents of one kind without gaps or duplicates when several findings escalate at once', async () => {
      const dueAt = new Date(Date.now() + 2_000).toISOString();
      const opened = await steps.openCase([0, 1, 2, 3].map(() => ({ unitId: unitB, dueAt })));
      await eventually(
        async () =>
          Number(
            (
              await database.dataSource.query(
                `SELECT count(*)::int AS n FROM documents WHERE kind = 'supervision_notice' AND frozen_at IS NOT NULL`,
              )
            )[0].n,
          ),
        (n) => n >= opened.findings.length + 1,
        40_000,
      );
      const rows: Array<{ year: number; serial: number }> = await database.dataSource.query(
        `SELECT year, serial FROM documents WHERE kind = 'supervision_notice' ORDER BY year, serial`,
      );
      const byYear = new Map<number, number[]>();
      rows.forEach((row) => byYear.set(row.year, [...(byYear.get(row.year) ?? []), row.serial]));
      for (const serials of byYear.values()) expect(serials).toEqual(serials.map((_, index) => index + 1));
      const perSource = await database.dataSource.query(
        `SELECT source_key, count(*)::int AS n FROM documents GROUP BY source_key HAVING count(*) > 1`,
      );
      expect(perSource).toEqual([]);
    });
  });

  // Last: it restarts the stack.
  describe('a crash of every process mid-render', () => {
    it('loses no document and issues none twice: a number reserved before the crash is issued once after it', async () => {
      const dueAt = new Date(Date.now() + 2_000).toISOString();
      const opened = await steps.openCase([0, 1, 2, 3, 4, 5].map(() => ({ unitId: unitA, dueAt })));
      const findingIds = opened.findings.map((finding) => finding.id);
      const notices = async (): Promise<Array<{ id: string; source_key: string; doc_no: string; frozen: boolean }>> =>
        database.dataSource.query(
          `SELECT d.id, d.source_key, d.doc_no, d.frozen_at IS NOT NULL AS frozen FROM documents d
           JOIN document_findings df ON df.document_id = d.id
           WHERE df.finding_id = ANY($1) AND d.kind = 'supervision_notice'`,
          [findingIds],
        );
      // Documents render one at a time: while the first are frozen, one is numbered and rendering.
      let mid: Awaited<ReturnType<typeof notices>> = [];
      const deadline = Date.now() + 40_000;
      while (!mid.some((notice) => !notice.frozen) && Date.now() < deadline) {
        mid = await notices();
        if (!mid.some((notice) => !notice.frozen)) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await stack.crash();
      const rendering = mid.filter((notice) => !notice.frozen);
      expect(rendering).toHaveLength(1);

      stack = await Stack.start({ dataDir: stack.dataDir, env: stack.env }, stack.ports);
      api = new Api(stack.url(''));
      const after = await eventually(notices, (rows) => rows.length === findingIds.length && rows.every((row) => row.frozen), 90_000);
      expect(new Set(after.map((row) => row.source_key)).size).toBe(findingIds.length);
      expect(after.find((row) => row.id === rendering[0].id)).toMatchObject({ doc_no: rendering[0].doc_no, frozen: true });
      const issued: Array<{ entity_id: string }> = await database.dataSource.query(
        `SELECT entity_id FROM events WHERE type = 'DOCUMENT_ISSUED' AND entity_id = ANY($1)`,
        [after.map((row) => row.id)],
      );
      expect(issued.map((event) => event.entity_id).sort()).toEqual(after.map((row) => row.id).sort());
      const served = await raw(`${V1}/documents/${rendering[0].id}`, supervisor);
      expect(served.status).toBe(200);
      expect(served.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    });
  });
});
