import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, fetchFile, fileNameOf, http } from './request';

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubFetch(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  vi.stubGlobal('document', { cookie: 'other=1; bangfu_csrf=tok%2B1' });
  return fetch;
}

describe('request wrapper', () => {
  it('sends a Blob as the raw body with its content type and the CSRF header', async () => {
    const fetch = stubFetch(200, { created: 2, codes: ['H01-0001', 'H01-0002'] });
    const file = new Blob([new Uint8Array([0x50, 0x4b, 3, 4])]);
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    expect(await http.upload('/api/orgs/import', file, xlsx)).toEqual({ created: 2, codes: ['H01-0001', 'H01-0002'] });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/orgs/import');
    expect(init.method).toBe('POST');
    expect(init.body).toBe(file);
    expect(init.headers).toMatchObject({ 'content-type': xlsx, 'x-csrf-token': 'tok+1' });
  });

  it('still sends JSON bodies as JSON, PATCH included', async () => {
    const fetch = stubFetch(200, { ok: true });
    await http.patch('/api/users/3', { active: false });
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.method).toBe('PATCH');
    expect(init.body).toBe('{"active":false}');
    expect(init.headers).toMatchObject({ 'content-type': 'application/json', 'x-csrf-token': 'tok+1' });
  });

  it('keeps the server message and the row errors of a 400', async () => {
    stubFetch(400, { code: 'VALIDATION_FAILED', message: '填写的内容有误', errors: [{ path: 'rows[3].parentCode', message: '第 3 行：上级组织 H99 不是启用中的县（市、区）工会' }] });
    const e = (await http.upload('/api/orgs/import', new Blob(['x']), 'application/octet-stream').catch((x: unknown) => x)) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect(e.fieldErrors).toEqual([{ path: 'rows[3].parentCode', message: '第 3 行：上级组织 H99 不是启用中的县（市、区）工会' }]);
  });

  it('sends FormData as multipart, leaving the content type (and boundary) to the browser', async () => {
    const fetch = stubFetch(202, { id: 7, status: 'analyzing' });
    const form = new FormData();
    form.append('file', new Blob(['a,b']), '职工.csv');
    expect(await http.postForm('/api/imports', form)).toEqual({ id: 7, status: 'analyzing' });
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.body).toBe(form);
    expect(init.headers).not.toHaveProperty('content-type');
    expect(init.headers).toMatchObject({ 'x-csrf-token': 'tok+1' });
  });
});

describe('file downloads', () => {
  it('reads the file name from Content-Disposition, the UTF-8 name first', () => {
    expect(fileNameOf(`attachment; filename="export.xlsx"; filename*=UTF-8''%E5%9B%B0%E9%9A%BE%E8%81%8C%E5%B7%A5.xlsx`)).toBe('困难职工.xlsx');
    expect(fileNameOf('attachment; filename="template.xlsx"')).toBe('template.xlsx');
    expect(fileNameOf('attachment')).toBeNull();
    expect(fileNameOf(null)).toBeNull();
  });

  it('keeps a workbook as a Blob with its name, the query string built like any request', async () => {
    const fetch = vi.fn(async () => new Response(new Uint8Array([0x50, 0x4b]), { status: 200, headers: { 'content-disposition': 'attachment; filename="a.xlsx"' } }));
    vi.stubGlobal('fetch', fetch);
    const f = await fetchFile('/api/households/export.xlsx', '档案.xlsx', { query: { regionCode: 'H01', q: '', status: undefined } });
    expect(f.fileName).toBe('a.xlsx');
    expect(new Uint8Array(await f.blob.arrayBuffer())).toEqual(new Uint8Array([0x50, 0x4b]));
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe('/api/households/export.xlsx?regionCode=H01');
  });

  it('turns a refused download into the server\'s Chinese error', async () => {
    stubFetch(403, { code: 'FORBIDDEN', message: '没有权限导出档案' });
    const e = (await fetchFile('/api/households/export.xlsx', 'x.xlsx').catch((x: unknown) => x)) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect([e.status, e.code, e.message]).toEqual([403, 'FORBIDDEN', '没有权限导出档案']);
  });
});
