import type { PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../../errors/not-found.error';

/** Keys are built from ids, sequence numbers and kinds: printable, and short. */
const NOTIFICATION_KEY = /^[^\p{Cc}]{1,300}$/u;
/** A delivery id is a bigserial; 18 digits stay below bigint's bound, so no id reaches SQL as an error. */
const DELIVERY_ID = /^[1-9][0-9]{0,17}$/;

/** A path key that no notification could have names nothing: 404, and it never reaches SQL. */
export class NotificationKeyPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!NOTIFICATION_KEY.test(value)) throw new NotFoundError('notification', value);
    return value;
  }
}

/** A delivery id that is not a whole number names nothing: 404, and it never reaches SQL. */
export class DeliveryIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!DELIVERY_ID.test(value)) throw new NotFoundError('delivery', value);
    return value;
  }
}
