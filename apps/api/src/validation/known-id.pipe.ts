import type { PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../errors/not-found.error';
import { UUID_PATTERN } from './field.decorators';

/** A path id that is not a uuid names nothing: 404, and it never reaches SQL. */
export class KnownIdPipe implements PipeTransform<string, string> {
  constructor(private readonly entity: string) {}

  transform(value: string): string {
    if (!UUID_PATTERN.test(value)) throw new NotFoundError(this.entity, value);
    return value.toLowerCase();
  }
}
