import type { DocumentKind } from '@reform/contracts';
import type { DocumentFacts } from '../compose/document-facts';

/** Plausible facts of each kind, for tests, benchmarks and looking at a rendered page. */
export function sampleDocumentFacts(kind: DocumentKind): DocumentFacts {
  const accountability = kind === 'accountability_proposal';
  return {
    kind,
    docNo: '纪督〔2026〕3号',
    issuerName: '中共清河县纪律检查委员会',
    recipientName: accountability ? '中共清河县委' : '清河县财政局',
    unitName: '清河县财政局',
    caseTitle: '县财政局原副局长王某某违规审批专项资金案',
    caseCode: 'ZG-2026-0007',
    findings: [
      { title: '专项资金审批“一支笔”，集体决策制度未落实', dueAt: '2026-11-30T15:59:59Z' },
      { title: '惠农补贴发放台账不全，资金去向无法逐笔核对', dueAt: '2026-12-15T15:59:59Z' },
      { title: '关键岗位人员长期未轮岗，内部审计流于形式', dueAt: '2026-12-31T15:59:59Z' },
    ],
    issuedAt: '2026-12-02T01:30:00Z',
    timeZone: 'Asia/Shanghai',
    causeAnalysis:
      '一是党组主体责任落实不到位，对专项资金管理重业务、轻监督。\n二是内控制度执行不严，审批、拨付、核查环节相互制约机制形同虚设。\n三是警示教育针对性不强，关键岗位人员纪法意识淡薄。',
    measures:
      '（一）健全专项资金集体研究决策制度，明确审批权限和程序。\n（二）全面清理近三年惠农补贴发放台账，逐笔核对资金去向。\n（三）建立关键岗位定期轮岗和内部审计常态化机制。',
    replyDueAt: '2027-01-15T15:59:59Z',
  };
}
