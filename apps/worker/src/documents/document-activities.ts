import { Injectable, Logger } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import { ROOT_ORG_UNIT_ID, type DocumentActivities, type DocumentRequest, type IssuedDocument } from '@reform/contracts';
import { compose, defaultDocumentTemplatesDir, formatDocNo, loadDocumentTemplates, type DocumentTemplates } from '@reform/documents';
import { caseCodeYear } from '@reform/domain';
import { DocumentStore, FileStore } from '@reform/persistence';
import { DocumentRenderer } from './document-renderer';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * 文书 issued by the workflows: numbered first (the number survives a retry), rendered to PDF and
 * DOCX, stored as files and frozen with DOCUMENT_ISSUED. Safe to retry and to run twice at once:
 * both tries share the reservation, and only one freezes.
 */
@Injectable()
export class DocumentActivitiesService implements DocumentActivities {
  private readonly logger = new Logger(DocumentActivitiesService.name);
  /** Loaded at start: a malformed template stops the worker with the file's name (the renderer does so for the font). */
  private readonly templates: DocumentTemplates = loadDocumentTemplates(defaultDocumentTemplatesDir());

  constructor(
    private readonly documents: DocumentStore,
    private readonly files: FileStore,
    private readonly config: AppConfigService,
    private readonly renderer: DocumentRenderer,
  ) {}

  async issueDocument(request: DocumentRequest): Promise<IssuedDocument> {
    const template = this.templates[request.kind];
    const timeZone = this.config.values.TZ_BUSINESS;
    const year = caseCodeYear(request.issuedAt, timeZone);
    const issuerOrgUnitId = request.issuerOrgUnitId ?? ROOT_ORG_UNIT_ID;
    const reservation = await this.documents.reserve(request, {
      year,
      title: template.title,
      issuerOrgUnitId,
      docNo: (serial) => formatDocNo(template.docNoPrefix, year, serial),
    });
    const issued = { documentId: reservation.id, docNo: reservation.docNo };
    if (reservation.frozen) return issued;

    const parties = await this.documents.partiesOf(request, issuerOrgUnitId);
    const layout = compose(template, {
      kind: request.kind,
      docNo: reservation.docNo,
      ...parties,
      findings: request.findings.map(({ title, dueAt }) => ({ title, dueAt })),
      issuedAt: request.issuedAt,
      timeZone,
      // A 建议书's own text; the other kinds' templates have no place for it.
      causeAnalysis: request.causeAnalysis,
      measures: request.measures,
      replyDueAt: request.replyDueAt,
    });
    const { pdf, docx } = await this.renderer.render(layout);
    const name = `${reservation.docNo} ${template.title}`;
    const pdfFile = await this.files.storeBuffer(pdf, { name: `${name}.pdf`, contentType: PDF, uploadedBy: 'system' });
    const docxFile = await this.files.storeBuffer(docx, { name: `${name}.docx`, contentType: DOCX, uploadedBy: 'system' });
    const frozen = await this.documents.freeze(reservation, request, {
      pdf: { fileId: pdfFile.id, sha256: pdfFile.sha256 },
      docx: { fileId: docxFile.id, sha256: docxFile.sha256 },
    });
    if (frozen) this.logger.log(`${request.kind} ${reservation.docNo} issued for ${request.sourceKey}`);
    return issued;
  }
}
