import { planDownload } from './download-plan';

const file = { name: '整改报告 (终稿).pdf', size: 1000, contentType: 'application/pdf', sha256: 'ab'.repeat(32) };

describe('planDownload', () => {
  it('serves the whole file with its ETag, type and an RFC 6266 UTF-8 file name', () => {
    const plan = planDownload(file, {});
    expect(plan.status).toBe(200);
    expect(plan.headers).toMatchObject({ ETag: `"${file.sha256}"`, 'Content-Type': 'application/pdf', 'Content-Length': '1000' });
    expect(plan.headers['Content-Disposition']).toContain(
      "filename*=UTF-8''%E6%95%B4%E6%94%B9%E6%8A%A5%E5%91%8A%20%28%E7%BB%88%E7%A8%BF%29.pdf",
    );
  });

  it('serves one range as 206 with its Content-Range, and a suffix range from the end', () => {
    expect(planDownload(file, { range: 'bytes=100-199' })).toMatchObject({
      status: 206,
      range: { start: 100, end: 199 },
      headers: { 'Content-Length': '100', 'Content-Range': 'bytes 100-199/1000' },
    });
    expect(planDownload(file, { range: 'bytes=-10' })).toMatchObject({ status: 206, range: { start: 990, end: 999 } });
  });

  it('answers 416 for a range past the end, and serves several ranges or a non-bytes unit whole', () => {
    expect(planDownload(file, { range: 'bytes=5000-6000' })).toMatchObject({ status: 416, headers: { 'Content-Range': 'bytes */1000' } });
    expect(planDownload(file, { range: 'bytes=0-9,500-509' }).status).toBe(200);
    expect(planDownload(file, { range: 'items=0-1' }).status).toBe(200);
  });

  it('answers 304 when If-None-Match holds the ETag (strong or weak), and not for another one', () => {
    expect(planDownload(file, { ifNoneMatch: `W/"${file.sha256}"` }).status).toBe(304);
    expect(planDownload(file, { ifNoneMatch: `"other", "${file.sha256}"` }).status).toBe(304);
    expect(planDownload(file, { ifNoneMatch: '"other"' }).status).toBe(200);
  });
});
