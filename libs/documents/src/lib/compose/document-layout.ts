import type { DocumentKind } from '@reform/contracts';

/** A block of the body, in reading order. */
export type LayoutBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  /** A numbered finding: `label` is （一）, （二）…; `text` the filled findingItem. */
  | { type: 'finding'; label: string; text: string; title: string; dueDate: string };

/** A document as it is laid out, every text final: both renderers draw exactly this. */
export interface DocumentLayout {
  kind: DocumentKind;
  /** 发文机关标志, printed red. */
  issuerHeader: string;
  docNo: string;
  title: string;
  /** 主送, with its full-width colon. */
  recipientLine: string;
  body: LayoutBlock[];
  /** 署名. */
  signature: string;
  /** 成文日期 in Chinese numerals. */
  date: string;
  /** The same date as ISO, for the files' metadata. */
  issuedAt: string;
}
