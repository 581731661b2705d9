/** 停用 (or a change of kind) refused: the unit still has open findings, which nobody could act on afterwards. */
export class UnitInUseError extends Error {
  constructor(
    unitId: string,
    readonly openFindings: number,
    change = 'be deactivated',
  ) {
    super(`unit "${unitId}" has ${openFindings} open finding${openFindings === 1 ? '' : 's'} and cannot ${change} until they are closed`);
    this.name = 'UnitInUseError';
  }
}
