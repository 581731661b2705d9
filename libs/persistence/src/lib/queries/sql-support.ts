/** Which slice of a list to read; callers have already validated and defaulted both numbers. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** Timestamps come back from pg as Date (timestamptz) but may be strings through other drivers. */
export function toIso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function toIsoOrNull(value: Date | string | null): string | null {
  return value === null ? null : toIso(value);
}

/**
 * 管辖范围 as SQL: a finding lies within when its unit is one of `unitIds` or it is tracked by one
 * of `trackingOfficeIds`. The API decides the lists (AccessScope); queries only apply them.
 */
export interface Within {
  readonly unitIds: readonly string[];
  readonly trackingOfficeIds: readonly string[];
}

/** Collects `AND`-ed conditions with numbered placeholders, so every value travels as a parameter. */
export class WhereClause {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  /** `condition` receives the placeholder (`$1`, `$2`, ...) of `value`. */
  add(condition: (placeholder: string) => string, value: unknown): this {
    if (value === undefined) return this;
    this.params.push(value);
    this.conditions.push(condition(`$${this.params.length}`));
    return this;
  }

  /** Keeps the findings (`alias` the findings table's, e.g. `f.`) within every one of `within`. */
  within(within: readonly Within[] | undefined, alias = ''): this {
    for (const each of within ?? []) this.conditions.push(this.withinPredicate(each, alias));
    return this;
  }

  /** Keeps the cases (`idColumn` their id) with at least one finding within every one of `within`. */
  casesWithin(within: readonly Within[] | undefined, idColumn: string): this {
    for (const each of within ?? []) {
      this.conditions.push(`EXISTS (SELECT 1 FROM findings f WHERE f.case_id = ${idColumn} AND ${this.withinPredicate(each, 'f.')})`);
    }
    return this;
  }

  /**
   * Keeps the rows about entities (`entity_type`, `entity_id`: events, drifts) within every one of
   * `within`: its findings, their cases and documents, its recommendations and interviews. The registers' events are nobody's jurisdiction but the root's.
   * For events, a case's FINDING_ADDED of a finding outside stays out too (it names the finding).
   */
  entitiesWithin(within: readonly Within[] | undefined, options: { events: boolean } = { events: false }): this {
    for (const each of within ?? []) {
      const findings = this.withinPredicate(each, 'f.');
      const addedOutside = options.events
        ? ` AND (type <> 'FINDING_ADDED' OR data->>'findingId' IN (SELECT f.id::text FROM findings f WHERE ${findings}))`
        : '';
      this.conditions.push(
        `((entity_type = 'finding' AND entity_id IN (SELECT f.id FROM findings f WHERE ${findings}))` +
          ` OR (entity_type = 'case' AND entity_id IN (SELECT f.case_id FROM findings f WHERE ${findings})${addedOutside})` +
          ` OR (entity_type = 'document' AND entity_id IN (SELECT df.document_id FROM document_findings df JOIN findings f ON f.id = df.finding_id WHERE ${findings}))` +
          ` OR (entity_type = 'recommendation' AND entity_id IN (SELECT r.id FROM recommendations r WHERE ${this.withinPredicate(each, 'r.')}))` +
          ` OR (entity_type = 'interview' AND entity_id IN (SELECT i.id FROM interviews i WHERE ${this.withinPredicate(each, 'i.')})))`,
      );
    }
    return this;
  }

  /** A placeholder for `value` outside the AND-ed conditions (a branch of a UNION, a join). */
  param(value: unknown): string {
    return `$${this.params.push(value)}`;
  }

  /** The rows (`alias` their table's) within every one of `within`, as one predicate to use inside SQL of one's own; TRUE when none limits. */
  withinSql(within: readonly Within[] | undefined, alias = ''): string {
    const each = (within ?? []).map((one) => this.withinPredicate(one, alias));
    return each.length === 0 ? 'TRUE' : each.join(' AND ');
  }

  private withinPredicate(each: Within, alias: string): string {
    const units = `$${this.params.push([...each.unitIds])}`;
    const offices = `$${this.params.push([...each.trackingOfficeIds])}`;
    return `(${alias}unit_id = ANY(${units}::text[]) OR ${alias}tracking_office_id = ANY(${offices}::text[]))`;
  }

  /** A condition that needs no value. */
  always(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  /** The conditions to append to a WHERE clause of its own: ` AND ...`, or nothing. */
  andSql(): string {
    return this.conditions.map((condition) => ` AND ${condition}`).join('');
  }

  toSql(): string {
    return this.conditions.length === 0 ? '' : `WHERE ${this.conditions.join(' AND ')}`;
  }

  /** LIMIT/OFFSET placeholders appended after the filter's own parameters. */
  paged(page: PageRequest): { sql: string; params: unknown[] } {
    const params = [...this.params, page.pageSize, (page.page - 1) * page.pageSize];
    return { sql: `LIMIT $${params.length - 1} OFFSET $${params.length}`, params };
  }
}

/** Which findings a report or list covers: one unit's (or all), within the caller's jurisdiction. */
export interface FindingSlice {
  unitId?: string;
  within?: Within[];
}

export function countOf(rows: Array<{ count: string | number }>): number {
  return Number(rows[0]?.count ?? 0);
}
