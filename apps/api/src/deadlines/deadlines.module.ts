import { Module } from '@nestjs/common';
import { WorkingDayDeadlines } from './working-day-deadlines';

@Module({ providers: [WorkingDayDeadlines], exports: [WorkingDayDeadlines] })
export class DeadlinesModule {}
