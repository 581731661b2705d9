import { Injectable } from '@nestjs/common';
import type { DocumentFormat, DocumentList, IssuedDocumentView, Principal } from '@reform/contracts';
import { DocumentStore, FileStore, FindingQueries, type FileRecord, type StoredDocument } from '@reform/persistence';
import { AccessScope } from '../auth/access-scope';
import { NotFoundError } from '../errors/not-found.error';
import { FindingsService } from '../findings/findings.service';

/** 文书: issued by the workflows, frozen, and served to whoever may see a finding they concern. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly documents: DocumentStore,
    private readonly files: FileStore,
    private readonly findings: FindingsService,
    private readonly findingRows: FindingQueries,
    private readonly scope: AccessScope,
  ) {}

  async forFinding(findingId: string, user: Principal): Promise<DocumentList> {
    await this.findings.getVisible(findingId, user);
    return { items: (await this.documents.forFinding(findingId)).map(documentView) };
  }

  async get(id: string, user: Principal): Promise<StoredDocument> {
    const document = await this.documents.get(id);
    if (!document || !(await this.seesAFindingOf(document, user))) throw new NotFoundError('document', id);
    return document;
  }

  /** The frozen rendering in `format`: exactly the bytes whose SHA-256 DOCUMENT_ISSUED recorded. */
  async rendering(document: StoredDocument, format: DocumentFormat): Promise<FileRecord> {
    const file = await this.files.get(format === 'docx' ? document.docxFileId : document.pdfFileId);
    if (!file) throw new NotFoundError('document', document.id);
    return file;
  }

  private async seesAFindingOf(document: StoredDocument, user: Principal): Promise<boolean> {
    for (const findingId of document.findingIds) {
      const finding = await this.findingRows.findById(findingId);
      if (finding && (await this.scope.sees(user, finding))) return true;
    }
    return false;
  }
}

export function documentView(document: StoredDocument): IssuedDocumentView {
  const { id, kind, docNo, title, sha256Pdf, sha256Docx, issuedAt } = document;
  return { id, kind, docNo, title, sha256Pdf, sha256Docx, issuedAt };
}
