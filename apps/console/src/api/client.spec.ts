import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubXhr } from '../testing/fake-xhr';
import { blobText } from '../testing/blob-text';
import { ApiError, createApi, withQuery } from './client';

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return vi.fn(async () => new Response(text, { status, headers }));
}

describe('createApi', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the bearer token and the query, and reads JSON', async () => {
    const fetch = answer(200, { items: [], total: 0 });
    vi.stubGlobal('fetch', fetch);
    await expect(createApi(() => 'tok').get('/findings', { status: 'ASSIGNED', unitId: '', page: 2 })).resolves.toEqual({
      items: [],
      total: 0,
    });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/findings?status=ASSIGNED&page=2');
    expect((init.headers as Record<string, string>)['authorization']).toBe('Bearer tok');
  });

  it("turns the contract's error body into an ApiError with the message and the 409 state", async () => {
    vi.stubGlobal('fetch', answer(409, { statusCode: 409, error: 'Conflict', message: 'no report to verify', status: 'RECTIFYING' }));
    const failure = await createApi(() => 'tok')
      .post('/findings/x/verification', {})
      .catch((error: unknown) => error);
    expect(failure).toEqual(new ApiError(409, 'no report to verify', 'RECTIFYING'));
    expect((failure as ApiError).state).toBe('RECTIFYING');
  });

  it('signs the user out on a 401, and reports an unreachable server as status 0', async () => {
    const signOut = vi.fn();
    vi.stubGlobal('fetch', answer(401, { statusCode: 401, message: 'token has expired' }));
    await expect(createApi(() => 'old', signOut).get('/cases')).rejects.toMatchObject({ status: 401, message: 'token has expired' });
    expect(signOut).toHaveBeenCalled();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(createApi(() => 'tok').get('/cases')).rejects.toMatchObject({ status: 0 });
  });

  it('puts JSON, uploads a form without a content type of its own, and keeps the 400 field', async () => {
    const fetch = answer(200, { created: 2, updated: 1 });
    vi.stubGlobal('fetch', fetch);
    const form = new FormData();
    form.append('file', new Blob(['编码,名称']), 'org.csv');
    await expect(createApi(() => 'tok').upload('/org-units/import', form)).resolves.toEqual({ created: 2, updated: 1 });
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.method).toBe('POST');
    expect(init.body).toBe(form);
    expect((init.headers as Record<string, string>)['content-type']).toBeUndefined();

    vi.stubGlobal('fetch', answer(400, { statusCode: 400, message: 'name must not be empty', code: 'VALIDATION_FAILED', field: 'name' }));
    const failure = await createApi(() => 'tok')
      .put('/org-units/U-FIN', { name: '' })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 400, message: 'name must not be empty', field: 'name' });
  });

  it("downloads with the Accept header and the server's file name", async () => {
    const fetch = answer(200, 'a,b', {
      'content-disposition': `attachment; filename="ledger.csv"; filename*=UTF-8''${encodeURIComponent('台账.csv')}`,
    });
    vi.stubGlobal('fetch', fetch);
    const file = await createApi(() => 'tok').download('/ledger', { overdue: 'true' }, 'text/csv');
    expect(file.filename).toBe('台账.csv');
    expect(await blobText(file.blob)).toBe('a,b');
    expect(((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers as Record<string, string>)['accept']).toBe('text/csv');
  });

  it('leaves empty filters out of the query', () => {
    expect(withQuery('/ledger', { status: '', unitId: undefined, overdue: false })).toBe('/ledger?overdue=false');
  });
});

describe('uploadWithProgress', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('posts the form with the token through XMLHttpRequest, reports progress and reads the JSON answer', async () => {
    const sent = stubXhr();
    const form = new FormData();
    const progress = vi.fn();
    const answer = createApi(() => 'tok').uploadWithProgress('/files', form, progress);
    const [xhr] = sent;
    expect([xhr.method, xhr.url, xhr.headers['authorization'], xhr.body]).toEqual(['POST', '/api/v1/files', 'Bearer tok', form]);
    xhr.progress(5, 10);
    expect(progress).toHaveBeenCalledWith({ loaded: 5, total: 10 });
    xhr.respond(201, { id: 'file-1' });
    await expect(answer).resolves.toEqual({ id: 'file-1' });
  });

  it("keeps the refusal's code, signs out on 401, and aborts on the signal", async () => {
    const sent = stubXhr();
    const signOut = vi.fn();
    const api = createApi(() => 'tok', signOut);
    const refused = api.uploadWithProgress('/files', new FormData(), vi.fn());
    sent[0].respond(415, { statusCode: 415, message: 'not an accepted type', code: 'UNSUPPORTED_MEDIA_TYPE' });
    await expect(refused).rejects.toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });

    const expired = api.uploadWithProgress('/files', new FormData(), vi.fn());
    sent[1].respond(401, { statusCode: 401, message: 'token has expired' });
    await expect(expired).rejects.toMatchObject({ status: 401 });
    expect(signOut).toHaveBeenCalled();

    const controller = new AbortController();
    const cancelled = api.uploadWithProgress('/files', new FormData(), vi.fn(), controller.signal);
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ status: 0, code: 'ABORTED' });
    expect(sent[2].aborted).toBe(true);
  });
});
