import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 文件: uploaded evidence and rendered documents. `files` rows name their bytes by SHA-256; with
 * FILE_STORE=postgres the bytes are `blob_chunks` rows, written under a staging `blob_uploads` id and
 * kept as a blob once `blobs` names that upload (with FILE_STORE=s3 the three blob tables stay empty,
 * which is why `files.sha256` has no foreign key). Chunks are stored uncompressed: evidence is mostly
 * compressed already (JPEG, PDF, zip-based Office), and uncompressed TOAST lets `substring` read a
 * Range without reading the whole chunk.
 */
export class Files1764900000000 implements MigrationInterface {
  name = 'Files1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE blob_uploads (id uuid PRIMARY KEY, started_at timestamptz NOT NULL)`);
    await queryRunner.query(`CREATE INDEX ix_blob_uploads_started_at ON blob_uploads (started_at)`);
    await queryRunner.query(`
      CREATE TABLE blob_chunks (
        upload_id uuid NOT NULL REFERENCES blob_uploads (id) ON DELETE CASCADE,
        chunk_no int NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (upload_id, chunk_no)
      )`);
    await queryRunner.query(`ALTER TABLE blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL`);
    await queryRunner.query(`
      CREATE TABLE blobs (
        sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        upload_id uuid NOT NULL UNIQUE REFERENCES blob_uploads (id),
        size bigint NOT NULL,
        chunk_size int NOT NULL,
        stored_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE files (
        id uuid PRIMARY KEY,
        sha256 text NOT NULL,
        name text NOT NULL,
        size bigint NOT NULL,
        content_type text NOT NULL,
        file_type text NOT NULL,
        uploaded_by text NOT NULL,
        uploader_unit_id text NULL,
        uploaded_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX ix_files_sha256 ON files (sha256)`);
    await queryRunner.query(`
      CREATE TABLE file_links (
        file_id uuid NOT NULL REFERENCES files (id),
        finding_id uuid NOT NULL REFERENCES findings (id),
        PRIMARY KEY (file_id, finding_id)
      )`);
    await queryRunner.query(`CREATE INDEX ix_file_links_finding_id ON file_links (finding_id)`);
    await queryRunner.query(`
      CREATE TABLE file_downloads (
        id bigserial PRIMARY KEY,
        file_id uuid NOT NULL REFERENCES files (id),
        actor text NOT NULL,
        at timestamptz NOT NULL,
        range text NULL
      )`);
    await queryRunner.query(`CREATE INDEX ix_file_downloads_file_id_at ON file_downloads (file_id, at DESC, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE file_downloads`);
    await queryRunner.query(`DROP TABLE file_links`);
    await queryRunner.query(`DROP TABLE files`);
    await queryRunner.query(`DROP TABLE blobs`);
    await queryRunner.query(`DROP TABLE blob_chunks`);
    await queryRunner.query(`DROP TABLE blob_uploads`);
  }
}
