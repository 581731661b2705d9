import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { refused } from '../testing/refusals';
import { fakeApi, renderAs, USERS } from '../testing/render';
import { CaseForm } from './case-form';

const field = (label: string, index = 0) => screen.getAllByLabelText(label)[index] as HTMLInputElement;

describe('CaseForm', () => {
  it("shows each field the API refused beside it, in the console's words", async () => {
    const api = fakeApi({
      'POST /cases': refused(
        ['title', 'empty'],
        ['findings[1].dueAt', 'notInFuture'],
        ['findings[1].unitId', 'format'],
        ['extra', 'unknownField'],
      ),
    });
    renderAs(USERS.officer, api, <CaseForm />);
    fireEvent.click(screen.getByRole('button', { name: '添加问题' }));
    fireEvent.click(screen.getByRole('button', { name: '提交立案' }));

    expect(await screen.findByText('请修正标出的字段后再提交。')).toBeTruthy();
    const title = field('案件名称');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(title.getAttribute('aria-describedby') as string)?.textContent).toBe('不能为空。');
    expect(field('整改时限', 1).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('须晚于当前时间。')).toBeTruthy();
    expect(field('责任单位', 1).getAttribute('aria-invalid')).toBe('true');
    expect(field('责任单位', 0).getAttribute('aria-invalid')).toBeNull();
    // What names no field on the form is still shown, in words.
    expect(screen.getByText('提交的内容有误，请按提示修改。 「某一项」不是可以提交的项目。')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/must|should|property/);
  });

  it('sends the case with an Idempotency-Key and opens it', async () => {
    const api = fakeApi({ 'POST /cases': { id: 'c-42', code: 'ZG-2026-0001', findings: [] } });
    renderAs(USERS.officer, api, <CaseForm />);
    fireEvent.change(field('案件名称'), { target: { value: '某局违规发放津补贴案' } });
    fireEvent.change(field('案情'), { target: { value: '巡察发现' } });
    fireEvent.change(field('问题'), { target: { value: '审批把关不严' } });
    fireEvent.change(field('问题描述'), { target: { value: '流于形式' } });
    await screen.findByRole('option', { name: '县财政局（U-FIN）' });
    fireEvent.change(field('责任单位'), { target: { value: 'U-FIN' } });
    fireEvent.change(field('整改时限'), { target: { value: '2030-01-31T18:00' } });
    fireEvent.click(screen.getByRole('button', { name: '提交立案' }));

    await waitFor(() => expect(window.location.pathname).toBe('/cases/c-42'));
    const [path, body, headers] = api.post.mock.calls[0] as unknown as [string, Record<string, unknown>, Record<string, string>];
    expect(path).toBe('/cases');
    expect(body).toEqual({
      title: '某局违规发放津补贴案',
      summary: '巡察发现',
      source: 'inspection',
      findings: [{ title: '审批把关不严', description: '流于形式', unitId: 'U-FIN', dueAt: '2030-01-31T10:00:00.000Z' }],
    });
    expect(headers['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('sends the tracking office picked, and shows the register’s refusal of a unit beside its picker', async () => {
    const api = fakeApi({ 'POST /cases': refused(['findings[0].unitId', 'notAssignable']) });
    renderAs(USERS.officer, api, <CaseForm />);
    await screen.findByRole('option', { name: '城关镇人民政府（U-CG）' });
    fireEvent.change(field('责任单位'), { target: { value: 'U-CG' } });
    fireEvent.change(field('跟踪单位（选填）'), { target: { value: 'TC-CG' } });
    fireEvent.click(screen.getByRole('button', { name: '提交立案' }));

    expect(await screen.findByText('不能用于此处（已停用或类型不符）。')).toBeTruthy();
    expect(field('责任单位').getAttribute('aria-invalid')).toBe('true');
    const [, body] = api.post.mock.calls[0] as unknown as [string, { findings: Array<Record<string, unknown>> }];
    expect(body.findings[0]).toMatchObject({ unitId: 'U-CG', trackingOfficeId: 'TC-CG' });
  });

  it('leaves the tracking office out when none is picked: the API takes the opener’s org unit', async () => {
    const api = fakeApi({ 'POST /cases': refused(['title', 'empty']) });
    renderAs(USERS.officer, api, <CaseForm />);
    expect((await screen.findByRole('option', { name: '默认：立案人所在机构' })).closest('select')).toBe(field('跟踪单位（选填）'));
    fireEvent.click(screen.getByRole('button', { name: '提交立案' }));
    await screen.findByText('不能为空。');
    const [, body] = api.post.mock.calls[0] as unknown as [string, { findings: Array<Record<string, unknown>> }];
    expect(body.findings[0]).not.toHaveProperty('trackingOfficeId');
  });

  it('says so in words when the server cannot be reached', async () => {
    renderAs(USERS.officer, fakeApi({ 'POST /cases': new ApiError(0, 'the server cannot be reached') }), <CaseForm />);
    fireEvent.click(screen.getByRole('button', { name: '提交立案' }));
    expect((await screen.findByRole('alert')).textContent).toBe('无法连接服务器，请检查服务是否已启动。');
  });

  it('takes a finding deadline in working days instead of a date', async () => {
    const api = fakeApi({ 'POST /cases': { id: 'c-43', code: 'ZG-2026-0002', findings: [] } });
    renderAs(USERS.officer, api, <CaseForm />);
    fireEvent.click(screen.getByRole('button', { name: '添加问题' }));
    fireEvent.click(field('按工作日', 1));
    expect(screen.queryAllByLabelText('整改时限')).toHaveLength(1);
    fireEvent.change(field('整改时限（工作日数）'), { target: { value: '15' } });
    fireEvent.click(screen.getByRole('button', { name: '提交立案' }));

    await waitFor(() => expect(window.location.pathname).toBe('/cases/c-43'));
    const [, body] = api.post.mock.calls[0] as unknown as [string, { findings: Array<Record<string, unknown>> }];
    expect(body.findings[0]).toHaveProperty('dueAt');
    expect(body.findings[0]).not.toHaveProperty('dueInWorkingDays');
    expect(body.findings[1]).toMatchObject({ dueInWorkingDays: 15 });
    expect(body.findings[1]).not.toHaveProperty('dueAt');
  });

  it('shows a refused working-day count beside its input, and links to the bulk import', async () => {
    const api = fakeApi({
      'POST /cases': refused(['findings[0].dueInWorkingDays', 'outOfRange', 366]),
    });
    renderAs(USERS.officer, api, <CaseForm />);
    expect(screen.getByRole('link', { name: /从问题清单批量导入/ }).getAttribute('href')).toBe('/cases/import');
    fireEvent.click(field('按工作日'));
    fireEvent.change(field('整改时限（工作日数）'), { target: { value: '400' } });
    fireEvent.click(screen.getByRole('button', { name: '提交立案' }));
    expect(await screen.findByText('须在 1 到 366 之间。')).toBeTruthy();
    expect(field('整改时限（工作日数）').getAttribute('aria-invalid')).toBe('true');
  });
});
