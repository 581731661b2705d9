import type { FieldProblem, ValidationRule } from '@reform/contracts';
import type { ValidationError } from 'class-validator';
import { textFailure, type TextRule } from './text-rule.validator';

/** class-validator's and our own decorators' names, by the rule each enforces. */
const RULE_OF_CONSTRAINT: Record<string, ValidationRule> = {
  isIsoDate: 'format',
  isFutureDate: 'notInFuture',
  isNotFutureDate: 'inFuture',
  notBoth: 'exclusive',
  isWorkingDays: 'outOfRange',
  whitelistValidation: 'unknownField',
  isIn: 'oneOf',
  isEnum: 'oneOf',
  isFormOfTarget: 'oneOf',
  isInt: 'format',
  isString: 'format',
  isBoolean: 'format',
  isEmail: 'format',
  isObject: 'format',
  isArray: 'format',
  matches: 'format',
  nestedValidation: 'format',
  max: 'outOfRange',
  min: 'outOfRange',
  maxLength: 'tooLong',
  arrayMaxSize: 'tooMany',
  arrayMinSize: 'tooFew',
};

/** Constraints whose message carries their bound (`must not be greater than 100`). */
const BOUND_IN_MESSAGE = new Set(['max', 'maxLength', 'arrayMaxSize', 'arrayMinSize', 'isWorkingDays']);

/** The rule one failed constraint of `error` stands for, at `field`. */
export function problemOf(error: ValidationError, constraint: string, field: string): FieldProblem {
  const context = error.contexts?.[constraint] as { textRule?: TextRule; size?: { min: number; max: number } } | undefined;
  const missing = error.value === undefined || error.value === null;
  if (context?.textRule) {
    const failure = textFailure(error.value, (error.target ?? {}) as object, context.textRule);
    return { field, rule: failure?.rule ?? 'invalid', ...(failure?.limit === undefined ? {} : { limit: failure.limit }) };
  }
  if (context?.size) {
    if (missing) return { field, rule: 'required' };
    if (!Array.isArray(error.value)) return { field, rule: 'format' };
    return error.value.length < context.size.min
      ? { field, rule: 'tooFew', limit: context.size.min }
      : { field, rule: 'tooMany', limit: context.size.max };
  }
  // A missing value fails the type check first; the client needs to hear it is required.
  if (missing && constraint !== 'whitelistValidation' && constraint !== 'notBoth') return { field, rule: 'required' };
  const rule = RULE_OF_CONSTRAINT[constraint] ?? 'invalid';
  const bound = BOUND_IN_MESSAGE.has(constraint) ? /(\d+)(?!.*\d)/.exec(error.constraints?.[constraint] ?? '')?.[1] : undefined;
  return { field, rule, ...(bound === undefined ? {} : { limit: Number(bound) }) };
}
