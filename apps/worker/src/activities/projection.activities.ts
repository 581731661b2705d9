import { Injectable } from '@nestjs/common';
import type {
  AddFindingProjection,
  CaseProjection,
  FindingProjection,
  OpenCaseProjection,
  ProjectionActivities,
} from '@reform/contracts';
import { ProjectionStore } from '@reform/persistence';
import { DataSource } from 'typeorm';

/** Writes workflow state into the read model; every call is safe to retry. */
@Injectable()
export class ProjectionActivitiesService implements ProjectionActivities {
  private readonly store: ProjectionStore;

  constructor(dataSource: DataSource) {
    this.store = new ProjectionStore(dataSource);
  }

  projectCaseOpened(input: OpenCaseProjection): Promise<{ code: string }> {
    return this.store.caseOpened(input);
  }

  projectFindingAdded(input: AddFindingProjection): Promise<void> {
    return this.store.findingAdded(input);
  }

  projectFinding(input: FindingProjection): Promise<void> {
    return this.store.finding(input);
  }

  projectCase(input: CaseProjection): Promise<void> {
    return this.store.case(input);
  }
}
