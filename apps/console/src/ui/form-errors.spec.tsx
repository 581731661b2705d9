import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { I18nProvider } from '../i18n/i18n';
import { refused } from '../testing/refusals';
import { describeError } from './refusal';
import { zh } from '../i18n/zh';
import { formErrors } from './form-errors';

const fields = new Set(['name', 'findings.0.unitId', 'findings.1.dueAt']);
const isField = (path: string) => fields.has(path);

const text = (node: ReactNode) => {
  const { container, unmount } = render(<I18nProvider initial="zh">{node}</I18nProvider>);
  const shown = container.textContent;
  unmount();
  return shown;
};

describe('formErrors', () => {
  it('puts each rule beside its field in the reader’s words, and the rest above the form with the field named', () => {
    const error = refused(
      ['findings[1].dueAt', 'notInFuture'],
      ['findings[0].unitId', 'unknownReference'],
      ['findings[0].extra', 'unknownField'],
    );
    const errors = formErrors(error, isField);
    expect(Object.keys(errors.byField)).toEqual(['findings.1.dueAt', 'findings.0.unitId']);
    expect(text(errors.byField['findings.1.dueAt'])).toBe('须晚于当前时间。');
    expect(text(errors.byField['findings.0.unitId'])).toBe('未在登记册中找到。');
    expect(errors.general).toHaveLength(1);
    expect(describeError(errors.general[0], zh)).toBe('提交的内容有误，请按提示修改。 「问题清单第1项 · 某一项」不是可以提交的项目。');
  });

  it('keeps the first rule of a field that broke two', () => {
    const errors = formErrors(refused(['name', 'empty'], ['name', 'tooLong', 200]), isField);
    expect(text(errors.byField['name'])).toBe('不能为空。');
  });

  it("uses the body's field when no rule came with it, and keeps a refusal naming no field of the form above it", () => {
    expect(text(formErrors(new ApiError(400, 'a unit cannot be its own ancestor', undefined, 'name'), isField).byField['name'])).toBe(
      '填写有误。',
    );
    expect(formErrors(new ApiError(400, 'cycle', undefined, 'parentId'), isField).general).toHaveLength(1);
    const bare = new ApiError(400, 'request body is not valid JSON', undefined, undefined, 'MALFORMED_BODY');
    expect(formErrors(bare, isField)).toEqual({ byField: {}, general: [bare] });
  });

  it('leaves what is not a 400 above the form', () => {
    const conflict = new ApiError(409, 'open findings');
    expect(formErrors(conflict, isField)).toEqual({ byField: {}, general: [conflict] });
  });
});

describe('one refusal of a field, beside it', () => {
  it('is shown in the language chosen', () => {
    const errors = formErrors(refused(['name', 'tooLong', 200]), isField);
    render(<I18nProvider initial="en">{errors.byField['name']}</I18nProvider>);
    expect(screen.getByText('must be at most 200 characters.')).toBeTruthy();
  });
});
