import { Module } from '@nestjs/common';
import { ReformWorkflows } from './reform-workflows.client';
import { TemporalGate } from './temporal-gate';

/** Relies on the global Temporal `Client` from TemporalClientModule. */
@Module({ providers: [ReformWorkflows, TemporalGate], exports: [ReformWorkflows] })
export class ReformWorkflowsModule {}
