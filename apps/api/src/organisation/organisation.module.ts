import { Module } from '@nestjs/common';
import { DemoRegisterSeed } from './demo-register.seed';
import { OrgUnitsController } from './org-units.controller';
import { OrgUnitsService } from './org-units.service';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';

/** 组织机构与人员 — the registers' HTTP side (the store and the cached tree are RegisterModule's). */
@Module({
  controllers: [OrgUnitsController, PeopleController],
  providers: [OrgUnitsService, PeopleService, DemoRegisterSeed],
  exports: [OrgUnitsService, PeopleService],
})
export class OrganisationModule {}
