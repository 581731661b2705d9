import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { formErrors } from './form-errors';

const fields = new Set(['name', 'findings.0.unitId', 'findings.1.dueAt']);
const isField = (path: string) => fields.has(path);

describe('formErrors', () => {
  it("puts each rule beside its field, in validation's wording and in the register's", () => {
    const error = new ApiError(
      400,
      'findings.1.dueAt must be in the future; findings[0].unitId: unknown unit "U9"; property x should not exist',
    );
    expect(formErrors(error, isField)).toEqual({
      byField: {
        'findings.1.dueAt': 'findings.1.dueAt must be in the future',
        'findings.0.unitId': 'findings[0].unitId: unknown unit "U9"',
      },
      general: [new ApiError(400, 'property x should not exist')],
    });
  });

  it("uses the body's field for a single rule whose words name none", () => {
    const error = new ApiError(400, 'a unit cannot be its own ancestor', undefined, 'name');
    expect(formErrors(error, isField).byField).toEqual({ name: 'a unit cannot be its own ancestor' });
    expect(formErrors(new ApiError(400, 'cycle', undefined, 'parentId'), isField).general).toHaveLength(1);
  });

  it('leaves what is not a 400 above the form', () => {
    const conflict = new ApiError(409, 'open findings');
    expect(formErrors(conflict, isField)).toEqual({ byField: {}, general: [conflict] });
  });
});
