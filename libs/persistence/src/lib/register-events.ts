import { createHash } from 'node:crypto';

export type RegisterEntityType = 'org_unit' | 'person';

/**
 * The audit log keys every chain by a uuid; an org unit or a person is keyed by its register id
 * instead, so its chain's uuid is derived from that id (a name-based uuid, version 5 layout):
 * the same id always lands in the same chain.
 */
export function registerEntityId(entityType: RegisterEntityType, id: string): string {
  const hex = createHash('sha1').update(`reform-register:${entityType}:${id}`, 'utf8').digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
