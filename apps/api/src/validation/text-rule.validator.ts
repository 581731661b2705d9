import type { ValidationRule } from '@reform/contracts';
import { registerDecorator, type ValidationArguments } from 'class-validator';

export interface TextRule {
  max: number;
  /** Extra shape the text must have, with the message for when it does not. */
  pattern?: { regex: RegExp; message: string };
  /** Required only when this holds for the whole body; otherwise always required. */
  requiredWhen?: { test: (body: never) => boolean; when: string };
}

/**
 * NUL and other control characters (tab and line breaks aside) and unpaired UTF-16 surrogates:
 * PostgreSQL's text and jsonb refuse them, so they would stall the step in its projection.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSTORABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface TextFailure {
  rule: ValidationRule;
  limit?: number;
  /** Phrased to follow the field's name. */
  text: string;
}

/** The first thing wrong with `value` under `rule`. */
export function textFailure(value: unknown, body: object, rule: TextRule): TextFailure | undefined {
  const required = rule.requiredWhen ? rule.requiredWhen.test(body as never) : true;
  const missing = rule.requiredWhen ? `is required when ${rule.requiredWhen.when}` : 'is required';
  if (value === undefined || value === null) return required ? { rule: 'required', text: missing } : undefined;
  if (typeof value !== 'string') return { rule: 'format', text: 'must be a string' };
  if (!/\S/.test(value)) {
    if (!required) return undefined;
    return rule.requiredWhen ? { rule: 'required', text: missing } : { rule: 'empty', text: 'must not be empty' };
  }
  if (value.length > rule.max) return { rule: 'tooLong', limit: rule.max, text: `must be at most ${rule.max} characters` };
  if (UNSTORABLE.test(value)) return { rule: 'format', text: 'must not contain control characters or broken Unicode' };
  if (rule.pattern && !rule.pattern.regex.test(value)) return { rule: 'format', text: rule.pattern.message };
  return undefined;
}

export const textProblem = (value: unknown, body: object, rule: TextRule): string | undefined => textFailure(value, body, rule)?.text;

/** One rule, one message per field: a missing title says "is required", not four things at once. */
export function IsText(rule: TextRule): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isText',
      target: target.constructor,
      propertyName: String(propertyName),
      // Read back by validationFailure, to name the rule that failed.
      options: { context: { textRule: rule } },
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => textProblem(value, args?.object ?? {}, rule) === undefined,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property} ${textProblem(args?.value, args?.object ?? {}, rule) ?? 'is invalid'}`,
      },
    });
}
