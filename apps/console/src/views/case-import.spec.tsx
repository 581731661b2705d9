import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import type { FieldProblem, ImportPreview } from '../api/types';
import { refused } from '../testing/refusals';
import { fakeApi, renderAs, USERS } from '../testing/render';
import { CaseImport } from './case-import';

const csv = (text: string) => new File([text], '问题清单.csv', { type: 'text/csv' });
const refusal = (problems: FieldProblem[]) =>
  new ApiError(
    400,
    'file 问题清单.csv was not imported, nothing was created (2 problems): row 3: 问题 is required',
    undefined,
    'file',
    'VALIDATION_FAILED',
    {
      problems,
    },
  );
const PREVIEW: ImportPreview = {
  dryRun: true,
  findings: [
    {
      row: 2,
      title: '津补贴审批把关不严',
      description: '财务审批流于形式',
      category: null,
      unitId: 'U-FIN',
      unitName: '县财政局',
      responsiblePerson: '王芳',
      dueAt: '2030-01-31T10:00:00.000Z',
    },
  ],
};

const fileInput = () => screen.getByLabelText('问题清单文件（.xlsx 或 .csv）') as HTMLInputElement;
const choose = (file: File) => fireEvent.change(fileInput(), { target: { files: [file] } });
const sent = (form: unknown) => Object.fromEntries([...(form as FormData).entries()].map(([key, value]) => [key, value]));

describe('CaseImport', () => {
  it('checks the chosen file in a dry run and lists every bad row in its own words, creating nothing', async () => {
    const api = fakeApi({
      'POST /cases/import': refusal([
        { row: 3, field: 'title', rule: 'required' },
        { row: 4, field: 'unitId', rule: 'unknownReference' },
        { row: 4, field: 'dueAt', rule: 'notInFuture' },
        { row: 5, field: 'title', rule: 'tooLong', limit: 200 },
      ]),
    });
    renderAs(USERS.officer, api, <CaseImport />);
    choose(csv('问题,责任单位,整改时限\n'));

    const list = await screen.findByTestId('import-problems');
    expect(
      within(list)
        .getAllByTestId('import-problem')
        .map((item) => item.textContent),
    ).toEqual([
      '第3行 · 问题 · 未填写',
      '第4行 · 责任单位 · 未登记的责任单位',
      '第4行 · 整改时限 · 时限已过，应晚于现在',
      '第5行 · 问题 · 超过 200 字',
    ]);
    expect(screen.queryByText(/was not imported/)).toBeNull();
    expect(sent(api.upload.mock.calls[0][1])).toMatchObject({ dryRun: 'true', source: 'inspection' });
    // Title and summary are not typed yet: the dry run checks the file alone.
    expect(sent(api.upload.mock.calls[0][1])).not.toHaveProperty('title');
    expect((screen.getByRole('button', { name: '确认导入并立案' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('words header and whole-file problems too', async () => {
    const api = fakeApi({
      'POST /cases/import': refusal([
        { row: 1, field: 'file', rule: 'unknownField' },
        { row: 1, field: 'unitId', rule: 'required' },
        { field: 'file', rule: 'tooMany', limit: 200 },
      ]),
    });
    renderAs(USERS.officer, api, <CaseImport />);
    choose(csv('x'));
    const items = await screen.findAllByTestId('import-problem');
    expect(items.map((item) => item.textContent)).toEqual([
      '整个文件 · 文件 · 问题超过 200 条，请拆分为多个文件',
      expect.stringMatching(/^第1行 · 文件 · 表头中有无法识别的列/),
      '第1行 · 责任单位 · 表头缺少此列',
    ]);
  });

  it('previews what the file would create, by unit name, then imports the same file for real and opens the case', async () => {
    const api = fakeApi({
      'POST /cases/import': (form: unknown) =>
        (form as FormData).get('dryRun') === 'true' ? PREVIEW : { id: 'c-9', code: 'ZG-2026-0009', findings: [] },
    });
    renderAs(USERS.officer, api, <CaseImport />);
    const file = csv('问题,责任单位,整改时限\n津补贴审批把关不严,U-FIN,2030-01-31\n');
    choose(file);

    const table = await screen.findByTestId('import-preview');
    expect(screen.getByText('检查通过：将创建 1 个问题')).toBeTruthy();
    const row = within(table).getByText('津补贴审批把关不严').closest('tr') as HTMLElement;
    expect((await within(row).findByText('县财政局')).getAttribute('title')).toBe('U-FIN');
    expect(within(row).getByText('王芳')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('案件名称'), { target: { value: '某局违规发放津补贴案' } });
    fireEvent.change(screen.getByLabelText('案情'), { target: { value: '巡察发现' } });
    fireEvent.change(screen.getByLabelText('案件来源'), { target: { value: 'audit' } });
    fireEvent.click(screen.getByRole('button', { name: '确认导入并立案' }));

    await waitFor(() => expect(window.location.pathname).toBe('/cases/c-9'));
    const real = api.upload.mock.calls[1][1] as FormData;
    expect(sent(real)).toMatchObject({ title: '某局违规发放津补贴案', summary: '巡察发现', source: 'audit' });
    expect(real.has('dryRun')).toBe(false);
    expect((real.get('file') as File).name).toBe(file.name);
    expect((real.get('file') as File).size).toBe(file.size);
  });

  it('takes a dropped file like a chosen one', async () => {
    const api = fakeApi({ 'POST /cases/import': PREVIEW });
    renderAs(USERS.officer, api, <CaseImport />);
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [csv('问题\n')] } });
    expect(await screen.findByTestId('import-preview')).toBeTruthy();
    expect(screen.getByText('已选择：问题清单.csv')).toBeTruthy();
  });

  it('shows a refusal of the case fields beside them, not as a bad row', async () => {
    const api = fakeApi({
      'POST /cases/import': (form: unknown) => ((form as FormData).get('dryRun') === 'true' ? PREVIEW : refused(['title', 'required'])),
    });
    renderAs(USERS.officer, api, <CaseImport />);
    choose(csv('问题\n'));
    await screen.findByTestId('import-preview');
    fireEvent.click(screen.getByRole('button', { name: '确认导入并立案' }));
    expect(await screen.findByText('为必填项。')).toBeTruthy();
    expect((screen.getByLabelText('案件名称') as HTMLInputElement).getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('import-problems')).toBeNull();
  });
});
