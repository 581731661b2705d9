/** 停用 refused: the unit still has open findings, which nobody would see once it is inactive. */
export class UnitInUseError extends Error {
  constructor(
    unitId: string,
    readonly openFindings: number,
  ) {
    super(
      `unit "${unitId}" has ${openFindings} open finding${openFindings === 1 ? '' : 's'} and cannot be deactivated until they are closed`,
    );
    this.name = 'UnitInUseError';
  }
}
