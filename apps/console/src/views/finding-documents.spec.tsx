import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IssuedDocumentView } from '../api/types';
import { fakeApi, renderAs, USERS } from '../testing/render';
import { FindingDocuments } from './finding-documents';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const document = (id: string, kind: IssuedDocumentView['kind'], docNo: string): IssuedDocumentView => ({
  id,
  kind,
  docNo,
  title: `关于${docNo}的文书`,
  sha256Pdf: 'd4'.repeat(32),
  sha256Docx: 'e5'.repeat(32),
  issuedAt: '2030-01-02T03:00:00.000Z',
});

describe('FindingDocuments', () => {
  const saved: string[] = [];
  beforeEach(() => {
    saved.length = 0;
    let next = 0;
    URL.createObjectURL = vi.fn(() => `blob:doc-${++next}`);
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  function withDocuments() {
    const api = fakeApi({
      'GET /findings/f-1/documents': {
        items: [document('d-1', 'supervision_notice', '纪督〔2030〕1号'), document('d-2', 'interview_notice', '纪约〔2030〕2号')],
      },
    });
    api.download.mockResolvedValue({ blob: new Blob(['bytes']), filename: '督办通知书.docx' });
    return api;
  }

  it('lists each document with its kind in Chinese, and downloads the DOCX with the token', async () => {
    const api = withDocuments();
    renderAs(USERS.unit, api, <FindingDocuments findingId="f-1" />);
    const notice = await screen.findByRole('listitem', { name: '督办通知书 纪督〔2030〕1号' });
    expect(screen.getByRole('listitem', { name: '约谈通知书 纪约〔2030〕2号' })).toBeTruthy();
    expect(within(notice).getByText('d4d4d4d4d4d4…')).toBeTruthy();

    fireEvent.click(within(notice).getByRole('button', { name: '下载 DOCX' }));
    await waitFor(() => expect(saved).toEqual(['督办通知书.docx']));
    expect(api.download).toHaveBeenCalledWith('/documents/d-1', { format: 'docx' }, DOCX);

    fireEvent.click(within(notice).getByRole('button', { name: '下载 PDF' }));
    await waitFor(() => expect(api.download).toHaveBeenLastCalledWith('/documents/d-1', { format: 'pdf' }, 'application/pdf'));
  });

  it('previews the PDF in the page, and lets its object URL go on close and on leaving', async () => {
    const api = withDocuments();
    const view = renderAs(USERS.supervisor, api, <FindingDocuments findingId="f-1" />);
    const notice = await screen.findByRole('listitem', { name: '督办通知书 纪督〔2030〕1号' });
    fireEvent.click(within(notice).getByRole('button', { name: '预览' }));
    const frame = await screen.findByTitle('关于纪督〔2030〕1号的文书（PDF 预览）');
    expect(frame.getAttribute('src')).toBe('blob:doc-1');
    expect(screen.getByRole('link', { name: '在新窗口中打开' }).getAttribute('href')).toBe('blob:doc-1');
    expect((vi.mocked(URL.createObjectURL).mock.calls[0][0] as Blob).type).toBe('application/pdf');

    fireEvent.click(screen.getByRole('button', { name: '关闭预览' }));
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:doc-1');
    expect(screen.queryByTitle(/PDF 预览/)).toBeNull();

    fireEvent.click(within(notice).getByRole('button', { name: '预览' }));
    await screen.findByTitle(/PDF 预览/);
    view.unmount();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:doc-2');
  });

  it('says so when there is none', async () => {
    const api = fakeApi({ 'GET /findings/f-1/documents': { items: [] } });
    renderAs(USERS.unit, api, <FindingDocuments findingId="f-1" />);
    expect(await screen.findByText('暂无文书。')).toBeTruthy();
  });
});
