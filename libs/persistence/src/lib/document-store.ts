import type { DocumentKind, DocumentRequest, EventRecord, IssuedDocumentView } from '@reform/contracts';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { appendEvents } from './event-append';
import type { TableRow } from './schema';
import { inTransaction } from './sql-transaction';

/** The advisory lock space numbering documents takes, one lock per kind and year. */
const NUMBERING_LOCK_SPACE = 4_242_004;

/** A document's number and row, taken before it is rendered. */
export interface ReservedDocument {
  id: string;
  docNo: string;
  year: number;
  serial: number;
  /** Already stored and frozen by an earlier try: nothing is left to do. */
  frozen: boolean;
}

/** One frozen rendering: the file holding it and the SHA-256 of its bytes. */
export interface FrozenRendering {
  fileId: string;
  sha256: string;
}

/** A frozen document and what access to it follows: the findings it concerns. */
export interface StoredDocument extends IssuedDocumentView {
  caseId: string;
  recipientUnitId: string;
  issuerOrgUnitId: string;
  pdfFileId: string;
  docxFileId: string;
  findingIds: string[];
}

/** The names a document prints: its issuer, its recipient and its case. */
export interface DocumentParties {
  issuerName: string;
  recipientName: string;
  caseTitle: string;
  caseCode: string;
}

type DocumentRow = TableRow<'documents'>;

const RESERVED = `SELECT id, doc_no, year, serial, frozen_at FROM documents WHERE source_key = $1`;
const LAST_SERIAL = `SELECT coalesce(max(serial), 0)::int AS serial FROM documents WHERE kind = $1 AND year = $2`;
const FROZEN = `SELECT d.*, array_agg(df.finding_id ORDER BY df.finding_id) AS finding_ids
  FROM documents d JOIN document_findings df ON df.document_id = d.id
  WHERE d.frozen_at IS NOT NULL`;

/**
 * 文书 in PostgreSQL. Issuing is two transactions around the rendering: `reserve` numbers the
 * document (or finds the number an earlier try took), `freeze` records its files and appends
 * DOCUMENT_ISSUED to the audit chain — once, whichever try gets there first.
 */
export class DocumentStore {
  constructor(private readonly dataSource: DataSource) {}

  reserve(
    request: DocumentRequest,
    facts: { year: number; title: string; issuerOrgUnitId: string; docNo: (serial: number) => string },
  ): Promise<ReservedDocument> {
    return inTransaction(this.dataSource, async (sql) => {
      // Numbers of one kind and year are taken one at a time: the next is the last plus one, never a gap.
      await sql(`SELECT pg_advisory_xact_lock(${NUMBERING_LOCK_SPACE}, hashtext($1))`, [`${request.kind}/${facts.year}`]);
      const [taken] = await sql<Pick<DocumentRow, 'id' | 'doc_no' | 'year' | 'serial' | 'frozen_at'>>(RESERVED, [request.sourceKey]);
      if (taken) return reserved(taken);
      const [{ serial: last }] = await sql<{ serial: number }>(LAST_SERIAL, [request.kind, facts.year]);
      const row = {
        id: randomUUID(),
        kind: request.kind,
        year: facts.year,
        serial: last + 1,
        doc_no: facts.docNo(last + 1),
        source_key: request.sourceKey,
        case_id: request.caseId,
        recipient_unit_id: request.recipientUnitId,
        issuer_org_unit_id: facts.issuerOrgUnitId,
        title: facts.title,
        issued_at: request.issuedAt,
      };
      await sql(
        `INSERT INTO documents (id, kind, year, serial, doc_no, source_key, case_id, recipient_unit_id, issuer_org_unit_id, title, issued_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        Object.values(row),
      );
      await sql(`INSERT INTO document_findings (document_id, finding_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [
        row.id,
        [...new Set(request.findings.map((finding) => finding.id))],
      ]);
      return { id: row.id, docNo: row.doc_no, year: row.year, serial: row.serial, frozen: false };
    });
  }

  /** Freezes a reserved document with its two renderings; a second call changes nothing and appends nothing. */
  freeze(
    reservation: ReservedDocument,
    request: DocumentRequest,
    renderings: { pdf: FrozenRendering; docx: FrozenRendering },
  ): Promise<boolean> {
    return inTransaction(this.dataSource, async (sql) => {
      const frozen = await sql<DocumentRow>(
        `UPDATE documents SET pdf_file_id = $2, sha256_pdf = $3, docx_file_id = $4, sha256_docx = $5, frozen_at = now()
         WHERE id = $1 AND frozen_at IS NULL RETURNING *`,
        [reservation.id, renderings.pdf.fileId, renderings.pdf.sha256, renderings.docx.fileId, renderings.docx.sha256],
      );
      if (frozen.length === 0) return false;
      await appendEvents(sql, [issuedEvent(frozen[0], request)]);
      return true;
    });
  }

  /** What a document says about its parties and case, as the registers and the read model hold them now. */
  async partiesOf(request: DocumentRequest, issuerOrgUnitId: string): Promise<DocumentParties> {
    const units = await this.dataSource.query<Array<{ id: string; name: string }>>(`SELECT id, name FROM org_units WHERE id = ANY($1)`, [
      [issuerOrgUnitId, request.recipientUnitId],
    ]);
    const [found] = await this.dataSource.query<Array<{ title: string; code: string }>>(`SELECT title, code FROM cases WHERE id = $1`, [
      request.caseId,
    ]);
    const nameOf = (id: string) => units.find((unit) => unit.id === id)?.name ?? id;
    return {
      issuerName: nameOf(issuerOrgUnitId),
      recipientName: nameOf(request.recipientUnitId),
      caseTitle: found?.title ?? '',
      caseCode: found?.code ?? '',
    };
  }

  async forFinding(findingId: string): Promise<StoredDocument[]> {
    const rows = await this.query(
      `${FROZEN} AND d.id IN (SELECT document_id FROM document_findings WHERE finding_id = $1)
       GROUP BY d.id ORDER BY d.issued_at, d.kind, d.serial`,
      [findingId],
    );
    return rows.map(storedDocument);
  }

  async get(id: string): Promise<StoredDocument | null> {
    const [row] = await this.query(`${FROZEN} AND d.id = $1 GROUP BY d.id`, [id]);
    return row ? storedDocument(row) : null;
  }

  private query(text: string, parameters: unknown[]): Promise<Array<DocumentRow & { finding_ids: string[] }>> {
    return this.dataSource.query(text, parameters);
  }
}

function reserved(row: Pick<DocumentRow, 'id' | 'doc_no' | 'year' | 'serial' | 'frozen_at'>): ReservedDocument {
  return { id: row.id, docNo: row.doc_no, year: row.year, serial: row.serial, frozen: row.frozen_at !== null };
}

/** DOCUMENT_ISSUED: the first and only link of the document's own chain, naming what was frozen. */
function issuedEvent(row: DocumentRow, request: DocumentRequest): EventRecord {
  return {
    entityId: row.id,
    entityType: 'document',
    caseId: row.case_id,
    seq: 1,
    type: 'DOCUMENT_ISSUED',
    at: new Date(row.issued_at).toISOString(),
    actor: 'system',
    data: {
      kind: row.kind,
      docNo: row.doc_no,
      title: row.title,
      findingIds: request.findings.map((finding) => finding.id),
      recipientUnitId: row.recipient_unit_id,
      issuerOrgUnitId: row.issuer_org_unit_id,
      pdfFileId: row.pdf_file_id,
      docxFileId: row.docx_file_id,
      sha256Pdf: row.sha256_pdf,
      sha256Docx: row.sha256_docx,
    },
  };
}

function storedDocument(row: DocumentRow & { finding_ids: string[] }): StoredDocument {
  return {
    id: row.id,
    kind: row.kind as DocumentKind,
    docNo: row.doc_no,
    title: row.title,
    sha256Pdf: row.sha256_pdf ?? '',
    sha256Docx: row.sha256_docx ?? '',
    issuedAt: new Date(row.issued_at).toISOString(),
    caseId: row.case_id,
    recipientUnitId: row.recipient_unit_id,
    issuerOrgUnitId: row.issuer_org_unit_id,
    pdfFileId: row.pdf_file_id ?? '',
    docxFileId: row.docx_file_id ?? '',
    findingIds: row.finding_ids,
  };
}
