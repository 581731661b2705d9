import { Module } from '@nestjs/common';
import { ReformWorkflows } from './reform-workflows.client';

/** Relies on the global Temporal `Client` from TemporalClientModule. */
@Module({ providers: [ReformWorkflows], exports: [ReformWorkflows] })
export class ReformWorkflowsModule {}
