import type { DocumentKind } from '@reform/contracts';

/** One finding as the document lists it. */
export interface DocumentFindingFacts {
  title: string;
  /** 整改时限, ISO; printed as the calendar day in `timeZone`. */
  dueAt: string;
}

/** Everything a document says that is not the template's wording. Dates are ISO strings. */
export interface DocumentFacts {
  kind: DocumentKind;
  /** 发文字号, already numbered (formatDocNo). */
  docNo: string;
  /** 发文机关 — printed in the red header and as the signature. */
  issuerName: string;
  /** 主送 — whom the document is addressed to. */
  recipientName: string;
  /** 责任单位, when it is not the recipient (a 问责建议书 goes to the party organisation over it); defaults to recipientName. */
  unitName?: string;
  caseTitle: string;
  caseCode: string;
  /** At least one. */
  findings: DocumentFindingFacts[];
  /** 成文日期, ISO. */
  issuedAt: string;
  /** IANA zone the dates are printed in, e.g. Asia/Shanghai. */
  timeZone: string;
  /** 问题成因 (a 建议书); may span paragraphs, one per line. */
  causeAnalysis?: string;
  /** 整改建议 (a 建议书); may span paragraphs, one per line. */
  measures?: string;
  /** 回复时限, ISO. */
  replyDueAt?: string;
  /** 约谈时间 and 地点, as they are to be printed, for templates that name them. */
  interviewTime?: string;
  interviewPlace?: string;
  /** 联系人及电话. */
  contact?: string;
}
