import { ERROR_CODES, VALIDATION_RULES } from '@reform/contracts/errors';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { describeError, fieldName, problemText } from './refusal';

const LATIN = /[A-Za-z]/;
const SERVER_SENTENCE = 'findings[0].dueAt must be in the future';
const STATUS_OF: Record<string, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_BODY: 400,
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  INTERNAL: 500,
};

describe('every refusal the API can answer, in the console’s own words', () => {
  it.each(ERROR_CODES)('%s has a Chinese and an English message, and the Chinese one carries no English', (code) => {
    expect(zh.errors.codes[code]).toBeTruthy();
    expect(en.errors.codes[code]).toBeTruthy();
    const error = new ApiError(STATUS_OF[code] ?? 409, SERVER_SENTENCE, undefined, undefined, code);
    const shown = describeError(error, zh);
    expect(shown).toBe(zh.errors.codes[code]);
    expect(shown).not.toMatch(LATIN);
    expect(describeError(error, en)).not.toContain(SERVER_SENTENCE);
  });

  it.each(VALIDATION_RULES)('rule %s reads in both languages, with its bound', (rule) => {
    for (const t of [zh, en]) expect(problemText({ field: 'title', rule, limit: 200 }, t, false)).toBeTruthy();
    expect(problemText({ field: 'title', rule, limit: 200 }, zh, true)).not.toMatch(/[A-Za-z]/);
  });

  it('says which fields were refused and why, by their names, with the row of a file', () => {
    const error = new ApiError(400, SERVER_SENTENCE, undefined, 'title', 'VALIDATION_FAILED', {
      problems: [
        { field: 'title', rule: 'tooLong', limit: 200 },
        { field: 'findings[1].dueAt', rule: 'notInFuture' },
        { field: 'unitId', rule: 'unknownReference', row: 4 },
      ],
    });
    expect(describeError(error, zh)).toBe(
      '提交的内容有误，请按提示修改。 「标题」不能超过 200 个字。 「问题清单第2项 · 整改时限」须晚于当前时间。 第4行 「责任单位」未在登记册中找到。',
    );
    expect(describeError(error, en)).toBe(
      'Some of what you entered needs correcting. Title: must be at most 200 characters. Findings #2 · Deadline: must lie ahead. Row 4 Responsible unit: is not in the register.',
    );
  });

  it('names the state on a 409 and the wait on a 429, in words', () => {
    expect(describeError(new ApiError(409, 'x', 'RECTIFYING', undefined, 'STEP_NOT_ALLOWED'), zh)).toBe(
      '当前状态下不能执行此操作。 当前状态：整改中。',
    );
    const limited = new ApiError(429, 'too many', undefined, undefined, 'RATE_LIMITED', { retryAfterSeconds: 1 });
    expect(describeError(limited, zh)).toBe('操作过于频繁，请稍后再试。 请 1 秒后再试。');
    expect(describeError(limited, en)).toBe('Too many requests. Please try again in 1 s.');
  });

  it('words a refusal without a code (a proxy’s page) by its status, and anything else without its text', () => {
    expect(describeError(new ApiError(413, 'Request Entity Too Large'), zh)).toBe(zh.errors.codes.PAYLOAD_TOO_LARGE);
    expect(describeError(new ApiError(502, 'Bad Gateway'), zh)).toBe(zh.errors.codes.INTERNAL);
    expect(describeError(new ApiError(0, 'the server cannot be reached'), zh)).toBe(zh.errors.network);
    expect(describeError(new TypeError('x is undefined'), zh)).toBe(zh.errors.unknown);
  });

  it('never names a field by its code', () => {
    expect(fieldName('findings[0].trackingOfficeId', zh)).toBe('问题清单第1项 · 跟踪单位');
    expect(fieldName('whatever', zh)).toBe('某一项');
  });
});
