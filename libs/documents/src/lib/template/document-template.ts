import { DOCUMENT_KINDS, type DocumentKind } from '@reform/contracts';
import { z } from 'zod';
import type { DocumentField, FindingField } from './placeholders';

const wording = z.string().trim().min(1);

/** One kind's wording as a commission writes it in `templates/<kind>.json`. */
export const documentTemplateFileSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    /** 标题, e.g. 督办通知书. */
    title: wording,
    /** 机关代字 of the document number, e.g. 纪督 in 纪督〔2026〕3号. */
    docNoPrefix: wording,
    /** 发文机关标志, the red header; usually `{issuerName}`, or `{issuerName}文件`. */
    issuerHeader: wording.default('{issuerName}'),
    /** 主送, e.g. `{recipientName}：` with the full-width colon. */
    salutation: wording,
    /** The opening paragraphs, before the list of findings. */
    paragraphs: z.array(wording).min(1),
    findingsHeading: wording,
    /** One numbered item per finding; may also use {findingTitle} and {findingDueDate}. */
    findingItem: wording,
    /** Headed sections after the findings (原因分析, 整改建议, 有关要求 …). */
    sections: z.array(z.object({ heading: wording, paragraphs: z.array(wording).min(1) }).strict()).default([]),
    /** Paragraphs after the sections, unheaded (特此通知。). */
    closing: z.array(wording).default([]),
    /** 发文机关署名. */
    signature: wording.default('{issuerName}'),
  })
  .strict();

export type DocumentTemplateFile = z.infer<typeof documentTemplateFileSchema>;

/** A template that has been checked, with the fields it fills (the caller must supply the optional ones). */
export interface DocumentTemplate extends DocumentTemplateFile {
  kind: DocumentKind;
  fields: DocumentField[];
  findingFields: FindingField[];
  /** Where it was read from, for messages. */
  source: string;
}

export type DocumentTemplates = Readonly<Record<DocumentKind, DocumentTemplate>>;
