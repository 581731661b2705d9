import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../api/client';
import type { StoredFile } from '../api/types';
import { stubXhr } from '../testing/fake-xhr';
import { fakeApi, finding, renderAs, USERS } from '../testing/render';
import { ReportForm } from './unit-forms';

const stored = (id: string, name: string, size: number): StoredFile => ({
  id,
  name,
  size,
  contentType: 'application/pdf',
  sha256: id === 'file-1' ? 'a1'.repeat(32) : 'b2'.repeat(32),
  uploadedBy: 'unit-wang',
  uploadedAt: '2030-01-01T00:00:00.000Z',
});

/** The fake API for the report, with the real XMLHttpRequest upload (over a stubbed XMLHttpRequest). */
function reportApi() {
  const rectifying = finding({ status: 'RECTIFYING' });
  const api = fakeApi({ 'POST /findings/f-1/report': { ...rectifying, status: 'REPORT_SUBMITTED' } });
  return { ...api, uploadWithProgress: createApi(() => 'tok').uploadWithProgress, rectifying };
}

const pick = (...files: File[]) => fireEvent.change(screen.getByLabelText(/选择文件上传|Pick files/), { target: { files } });

describe('ReportForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('uploads each picked file with a progress bar, lists the stored ones, and reports them as {fileId}', async () => {
    const sent = stubXhr();
    const api = reportApi();
    renderAs(USERS.unit, api, <ReportForm finding={api.rectifying} onDone={() => undefined} />);
    pick(new File(['%PDF-1.7'], '整改台账.pdf'), new File(['x'], '照片.png'));

    expect(sent.map((xhr) => [xhr.url, xhr.headers['authorization']])).toEqual([
      ['/api/v1/files', 'Bearer tok'],
      ['/api/v1/files', 'Bearer tok'],
    ]);
    expect(((sent[0].body as FormData).get('file') as File).name).toBe('整改台账.pdf');
    act(() => sent[0].progress(40, 100));
    const bar = screen.getByLabelText('正在上传 整改台账.pdf') as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([40, 100]);
    expect(screen.getByText('40%')).toBeTruthy();
    expect((screen.getByRole('button', { name: '提交报告' }) as HTMLButtonElement).disabled).toBe(true);

    act(() => sent[0].respond(201, stored('file-1', '整改台账.pdf', 2048)));
    act(() => sent[1].respond(201, stored('file-2', '照片.png', 1)));
    const list = await screen.findByRole('list', { name: '已上传的证据' });
    expect(within(list).getByText('2.0 KB')).toBeTruthy();
    expect(within(list).getByText('a1a1a1a1a1a1…').getAttribute('title')).toBe('a1'.repeat(32));
    fireEvent.click(within(list).getByRole('button', { name: '移除 照片.png' }));

    fireEvent.change(screen.getByLabelText('整改报告（完成情况）'), { target: { value: '已完成整改' } });
    fireEvent.click(screen.getByRole('button', { name: '提交报告' }));
    await waitFor(() =>
      expect(api.post).toHaveBeenCalledWith('/findings/f-1/report', { content: '已完成整改', evidence: [{ fileId: 'file-1' }] }),
    );
  });

  it("says why a file was refused in the reader's language, from the code — not the server's sentence", async () => {
    const sent = stubXhr();
    const api = reportApi();
    const view = renderAs(USERS.unit, api, <ReportForm finding={api.rectifying} onDone={() => undefined} />);
    pick(new File(['MZ'], 'setup.pdf'));
    act(() =>
      sent[0].respond(415, {
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: 'file type exe is not accepted',
        code: 'UNSUPPORTED_MEDIA_TYPE',
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('不支持的文件类型');
    expect(alert.textContent).not.toContain('not accepted');
    expect((screen.getByRole('button', { name: '提交报告' }) as HTMLButtonElement).disabled).toBe(false);
    view.unmount();

    renderAs(USERS.unit, api, <ReportForm finding={api.rectifying} onDone={() => undefined} />, 'en');
    pick(new File(['big'], 'scan.pdf'));
    act(() => sent[1].respond(413, { statusCode: 413, error: 'Payload Too Large', message: 'file too large', code: 'PAYLOAD_TOO_LARGE' }));
    expect((await screen.findByRole('alert')).textContent).toContain('over the size limit');
  });

  it("keeps v1's evidence kept elsewhere, collapsed, after the uploaded files", async () => {
    stubXhr();
    const api = reportApi();
    renderAs(USERS.unit, api, <ReportForm finding={api.rectifying} onDone={() => undefined} />);
    const details = screen.getByText(/外部存储的证据/).closest('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    fireEvent.click(within(details).getByRole('button', { name: '添加证据' }));
    fireEvent.change(within(details).getByLabelText('文件名'), { target: { value: '会议纪要.pdf' } });
    fireEvent.change(within(details).getByLabelText('SHA-256 摘要'), { target: { value: 'c3'.repeat(32) } });
    fireEvent.change(within(details).getByLabelText('存放位置（URI）'), { target: { value: 'https://oa.example/1' } });
    fireEvent.click(screen.getByRole('button', { name: '提交报告' }));
    await waitFor(() =>
      expect(api.post).toHaveBeenCalledWith('/findings/f-1/report', {
        content: '',
        evidence: [{ name: '会议纪要.pdf', sha256: 'c3'.repeat(32), uri: 'https://oa.example/1' }],
      }),
    );
  });
});
