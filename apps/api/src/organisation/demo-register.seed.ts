import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import { DEMO_ORG_UNITS, DEMO_PEOPLE, demoOrgUnitRecord, demoPersonRecord, SYSTEM_ACTOR, type Actor } from '@reform/contracts';
import { RegisterStore, type OrgUnitFields } from '@reform/persistence';
import { OrgRegister } from './org-register';

const SEEDER: Actor = { id: SYSTEM_ACTOR, name: '系统' };

/**
 * SEED_DEMO=true: registers the demo county (DEMO_ORG_UNITS, DEMO_PEOPLE) at start. Idempotent — a
 * record already as the demo has it is left alone and no event is written — so any number of
 * replicas and restarts agree. Org units first without heads (people need their org unit), then
 * the people, then the heads and liaisons.
 */
@Injectable()
export class DemoRegisterSeed implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoRegisterSeed.name);

  constructor(
    private readonly config: AppConfigService,
    private readonly store: RegisterStore,
    private readonly register: OrgRegister,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.values.SEED_DEMO) return;
    const units = DEMO_ORG_UNITS.map((unit) => fieldsOf(unit, false));
    await this.store.saveOrgUnits(SEEDER, async ({ orgUnits }) =>
      // A head already set (by the demo or an admin) stays until the third step sets the demo's.
      units.map((unit) => {
        const current = orgUnits.find((each) => each.id === unit.id);
        return { ...unit, headPersonId: current?.headPersonId ?? null, liaisonPersonId: current?.liaisonPersonId ?? null };
      }),
    );
    for (const person of DEMO_PEOPLE) {
      await this.store.savePerson(SEEDER, demoPersonRecord(person), async () => undefined);
    }
    const saved = await this.store.saveOrgUnits(SEEDER, async () => DEMO_ORG_UNITS.map((unit) => fieldsOf(unit, true)));
    this.register.invalidate();
    const changed = saved.filter((result) => result.outcome !== 'unchanged').length;
    this.logger.log(
      `demo register (SEED_DEMO=true): ${DEMO_ORG_UNITS.length} org units, ${DEMO_PEOPLE.length} people${changed ? '' : ', all already registered'}`,
    );
  }
}

function fieldsOf(unit: (typeof DEMO_ORG_UNITS)[number], withPeople: boolean): OrgUnitFields {
  const record = demoOrgUnitRecord(unit);
  return withPeople ? record : { ...record, headPersonId: null, liaisonPersonId: null };
}
