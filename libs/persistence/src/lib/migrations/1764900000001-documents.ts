import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 文书: the formal documents the workflows issue. A row is reserved — numbered — before it is
 * rendered, keyed by the request's source, so a retried issue keeps its first number; it is frozen
 * when both renderings are stored, and only frozen documents are served. Numbers run per kind and
 * year without gaps (one reservation per number, taken under a lock) or duplicates (unique).
 */
export class Documents1764900000001 implements MigrationInterface {
  name = 'Documents1764900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        year int NOT NULL,
        serial int NOT NULL,
        doc_no text NOT NULL,
        source_key text NOT NULL,
        case_id uuid NOT NULL,
        recipient_unit_id text NOT NULL,
        issuer_org_unit_id text NOT NULL,
        title text NOT NULL,
        issued_at timestamptz NOT NULL,
        pdf_file_id uuid NULL REFERENCES files (id),
        docx_file_id uuid NULL REFERENCES files (id),
        sha256_pdf text NULL,
        sha256_docx text NULL,
        frozen_at timestamptz NULL,
        CONSTRAINT uq_documents_source_key UNIQUE (source_key),
        CONSTRAINT uq_documents_kind_year_serial UNIQUE (kind, year, serial)
      )`);
    await queryRunner.query(`
      CREATE TABLE document_findings (
        document_id uuid NOT NULL REFERENCES documents (id),
        finding_id uuid NOT NULL,
        PRIMARY KEY (document_id, finding_id)
      )`);
    await queryRunner.query(`CREATE INDEX ix_document_findings_finding_id ON document_findings (finding_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE document_findings`);
    await queryRunner.query(`DROP TABLE documents`);
  }
}
