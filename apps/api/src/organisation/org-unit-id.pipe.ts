import type { PipeTransform } from '@nestjs/common';
import { InvalidInputError } from '../errors/invalid-input.error';
import { ORG_UNIT_ID_MESSAGE, ORG_UNIT_ID_PATTERN } from './dto/save-org-unit.dto';

/** An org unit code in the path: refused (400, naming `id`) before it reaches SQL unless well-formed. */
export class OrgUnitIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ORG_UNIT_ID_PATTERN.test(value)) throw InvalidInputError.of('id', 'format', `id ${ORG_UNIT_ID_MESSAGE}`);
    return value;
  }
}
