import { Injectable } from '@nestjs/common';
import type { Actor, Person } from '@reform/contracts';
import { RegisterStore } from '@reform/persistence';
import { InvalidInputError } from '../errors/invalid-input.error';
import type { PeopleQuery, SavePersonDto } from './dto/save-person.dto';

/** 人员 — the register of whom to reach: names shown for actor ids, contacts for notifications. */
@Injectable()
export class PeopleService {
  constructor(private readonly store: RegisterStore) {}

  list(query: PeopleQuery): Promise<Person[]> {
    return this.store.people({ orgUnitId: query.orgUnitId });
  }

  async save(id: string, dto: SavePersonDto, actor: Actor): Promise<{ person: Person; created: boolean }> {
    const fields = {
      id,
      name: dto.name.trim(),
      orgUnitId: dto.orgUnitId,
      mobile: dto.mobile ?? null,
      email: dto.email ?? null,
      wecomUserId: dto.wecomUserId ?? null,
      active: dto.active ?? true,
    };
    const { person, outcome } = await this.store.savePerson(actor, fields, async ({ orgUnits }) => {
      if (!orgUnits.some((unit) => unit.id === dto.orgUnitId)) {
        throw InvalidInputError.of('orgUnitId', 'unknownReference', `orgUnitId: unknown org unit "${dto.orgUnitId}"`);
      }
    });
    return { person, created: outcome === 'created' };
  }
}
