import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';

/**
 * Test helper: validates a body the way main.ts's ValidationPipe does (whitelist, unknown fields
 * rejected) and returns the messages with nested paths, e.g. "findings.0.dueAt must be ...".
 */
export async function validationMessages<T extends object>(type: ClassConstructor<T>, body: unknown): Promise<string[]> {
  const instance = plainToInstance(type, body);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  return errors.flatMap((error) => flatten(error, ''));
}

function flatten(error: ValidationError, parentPath: string): string[] {
  const path = parentPath ? `${parentPath}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((message) => (parentPath ? `${parentPath}.${message}` : message));
  return [...own, ...(error.children ?? []).flatMap((child) => flatten(child, path))];
}
