import { Module } from '@nestjs/common';
import { SettingsController } from './settings.controller';

/** 系统设置 — what clients read of the deployment's configuration. */
@Module({ controllers: [SettingsController] })
export class SettingsModule {}
