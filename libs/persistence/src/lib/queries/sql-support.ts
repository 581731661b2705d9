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

  /** A condition that needs no value. */
  always(condition: string): this {
    this.conditions.push(condition);
    return this;
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

export function countOf(rows: Array<{ count: string | number }>): number {
  return Number(rows[0]?.count ?? 0);
}
