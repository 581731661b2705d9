import { registerDecorator, type ValidationArguments } from 'class-validator';

function sizeProblem(value: unknown, min: number, max: number, noun: string): string | undefined {
  if (value === undefined || value === null) return 'is required';
  if (!Array.isArray(value)) return 'must be an array';
  if (value.length < min) return `must contain at least ${counted(min, noun)}`;
  if (value.length > max) return `must contain at most ${counted(max, noun)}`;
  return undefined;
}

const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** A required array of min..max items, reported with one message. */
export function IsArrayOfSize(min: number, max: number, noun = 'item'): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isArrayOfSize',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { context: { size: { min, max } } },
      validator: {
        validate: (value: unknown) => sizeProblem(value, min, max, noun) === undefined,
        defaultMessage: (args?: ValidationArguments) => `${args?.property} ${sizeProblem(args?.value, min, max, noun) ?? 'is invalid'}`,
      },
    });
}
