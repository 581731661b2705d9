import { Module } from '@nestjs/common';
import { DevSessionController } from './dev-session.controller';

/** 本地登录 — demo sign-in for the web console on a developer's machine. */
@Module({ controllers: [DevSessionController] })
export class DevSessionModule {}
