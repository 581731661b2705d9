import { Injectable } from '@nestjs/common';
import type {
  AddFindingProjection,
  CaseProjection,
  FindingEffectsProjection,
  FindingProjection,
  InterviewProjection,
  OpenCaseProjection,
  ProjectionActivities,
  RecommendationDraftedProjection,
  RecommendationProjection,
} from '@reform/contracts';
import { ProjectionStore } from '@reform/persistence';
import { DataSource } from 'typeorm';
import { NotificationAddressing } from '../notifications/notification-addressing';

/** Writes workflow state into the read model; every call is safe to retry. */
@Injectable()
export class ProjectionActivitiesService implements ProjectionActivities {
  private readonly store: ProjectionStore;

  constructor(
    dataSource: DataSource,
    private readonly addressing: NotificationAddressing,
  ) {
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

  projectFindingEffects(input: FindingEffectsProjection): Promise<{ deliver: string[] }> {
    return this.store.findingEffects(input, this.addressing.address);
  }

  projectRecommendationDrafted(input: RecommendationDraftedProjection): Promise<void> {
    return this.store.recommendationDrafted(input);
  }

  projectRecommendation(input: RecommendationProjection): Promise<{ deliver: string[] }> {
    return this.store.recommendation(input, this.addressing.address);
  }

  projectInterview(input: InterviewProjection): Promise<{ deliver: string[] }> {
    return this.store.interview(input, this.addressing.address);
  }

  projectCase(input: CaseProjection): Promise<void> {
    return this.store.case(input);
  }
}
