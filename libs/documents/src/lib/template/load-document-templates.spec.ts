import { DOCUMENT_KINDS } from '@reform/contracts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDocumentTemplates } from './load-document-templates';
import { defaultDocumentTemplatesDir } from './templates-dir';

const shippedDir = defaultDocumentTemplatesDir({});
const shipped = (kind: string) => JSON.parse(readFileSync(join(shippedDir, `${kind}.json`), 'utf8')) as Record<string, unknown>;

describe('loadDocumentTemplates', () => {
  it('loads the shipped template of every kind, with the fields each fills', () => {
    const templates = loadDocumentTemplates(shippedDir);
    expect(Object.keys(templates).sort()).toEqual([...DOCUMENT_KINDS].sort());
    expect(templates.recommendation.fields).toEqual(expect.arrayContaining(['recipientName', 'causeAnalysis', 'measures', 'replyDueDate']));
    expect(templates.supervision_notice.fields).toEqual(expect.arrayContaining(['caseCode', 'findingCount', 'earliestDueDate']));
    expect(templates.supervision_notice.findingFields).toEqual(['findingTitle', 'findingDueDate']);
  });

  describe('refuses a malformed set, naming the file and the problem', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'document-templates-'));
      for (const kind of DOCUMENT_KINDS) writeFileSync(join(dir, `${kind}.json`), JSON.stringify(shipped(kind)));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const write = (name: string, content: unknown) =>
      writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
    const refusal = () => {
      try {
        loadDocumentTemplates(dir);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('the set was accepted');
    };

    it('bad JSON', () => {
      write('supervision_notice.json', '{ "kind": "supervision_notice", ');
      expect(refusal()).toMatch(/supervision_notice\.json: not valid JSON/);
    });

    it('a missing field', () => {
      const { salutation: _, ...rest } = shipped('interview_notice');
      write('interview_notice.json', rest);
      expect(refusal()).toMatch(/interview_notice\.json: salutation: Required/);
    });

    it('a field it does not know', () => {
      write('interview_notice.json', { ...shipped('interview_notice'), footnote: '…' });
      expect(refusal()).toMatch(/interview_notice\.json: .*footnote/);
    });

    it('an unknown placeholder, and a finding placeholder outside the finding item', () => {
      write('recommendation.json', { ...shipped('recommendation'), paragraphs: ['请{recipientNmae}于期限内回复。'] });
      expect(refusal()).toMatch(/recommendation\.json: paragraphs\.0 uses unknown placeholder \{recipientNmae\}/);
      write('recommendation.json', { ...shipped('recommendation'), closing: ['{findingTitle}'] });
      expect(refusal()).toMatch(/recommendation\.json: closing\.0 uses unknown placeholder \{findingTitle\}/);
    });

    it('a brace that opens no placeholder', () => {
      write('recommendation.json', { ...shipped('recommendation'), title: '纪检监察建议书{' });
      expect(refusal()).toMatch(/recommendation\.json: title has a brace/);
    });

    it('a kind defined twice', () => {
      write('supervision_notice-copy.json', shipped('supervision_notice'));
      expect(refusal()).toMatch(/supervision_notice\.json: kind supervision_notice is already defined by .*supervision_notice-copy\.json/);
    });

    it('a kind missing', () => {
      rmSync(join(dir, 'accountability_proposal.json'));
      expect(refusal()).toMatch(/no template for accountability_proposal/);
    });

    it('an unknown kind', () => {
      write('accountability_proposal.json', { ...shipped('accountability_proposal'), kind: 'warning_letter' });
      expect(refusal()).toMatch(/accountability_proposal\.json: kind: Invalid enum value/);
    });
  });
});

describe('defaultDocumentTemplatesDir', () => {
  it('is DOCUMENT_TEMPLATES_DIR when set, else the shipped templates', () => {
    expect(defaultDocumentTemplatesDir({ DOCUMENT_TEMPLATES_DIR: '/etc/reform/templates' })).toBe('/etc/reform/templates');
    expect(readFileSync(join(defaultDocumentTemplatesDir({}), 'recommendation.json'), 'utf8')).toContain('纪检监察建议书');
  });
});
