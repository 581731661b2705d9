import { Global, Module } from '@nestjs/common';
import { RegisterStore } from '@reform/persistence';
import { DataSource } from 'typeorm';
import { OrgRegister } from './org-register';

/** The registers' store and the cached tree, for the access rules (global) and the organisation module. */
@Global()
@Module({
  providers: [{ provide: RegisterStore, inject: [DataSource], useFactory: (db: DataSource) => new RegisterStore(db) }, OrgRegister],
  exports: [RegisterStore, OrgRegister],
})
export class RegisterModule {}
