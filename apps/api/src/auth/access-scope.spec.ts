import type { Principal } from '@reform/contracts';
import { AccessScope } from './access-scope';

const unitU1: Principal = { id: 'u1', name: 'Unit', roles: ['unit'], unitId: 'U1' };
const officer: Principal = { id: 'o1', name: 'Officer', roles: ['officer'] };
const supervisorOfU1: Principal = { id: 's1', name: 'Both', roles: ['supervisor', 'unit'], unitId: 'U1' };
const scope = new AccessScope();

describe('AccessScope', () => {
  it('confines a caller whose only role is unit to its own unit, and nobody else', async () => {
    expect(await scope.scopeFor(unitU1)).toEqual({ unitId: 'U1' });
    expect(await scope.scopeFor(officer)).toEqual({});
    expect(await scope.scopeFor(supervisorOfU1)).toEqual({});
  });

  it('narrows a list to the unit asked for, and to nothing outside the scope', async () => {
    expect(await scope.unitFilter(unitU1, undefined)).toEqual({ unitId: 'U1' });
    expect(await scope.unitFilter(unitU1, 'U1')).toEqual({ unitId: 'U1' });
    expect(await scope.unitFilter(unitU1, 'U2')).toBeNull();
    expect(await scope.unitFilter(officer, 'U2')).toEqual({ unitId: 'U2' });
    expect(await scope.unitFilter(officer, undefined)).toEqual({ unitId: undefined });
  });

  it('sees a finding in scope only; acts for a unit only as that unit', async () => {
    expect([await scope.sees(unitU1, { unitId: 'U1' }), await scope.sees(unitU1, { unitId: 'U2' })]).toEqual([true, false]);
    expect(await scope.sees(officer, { unitId: 'U2' })).toBe(true);
    expect(scope.actsForUnit(supervisorOfU1, { unitId: 'U1' })).toBe(true);
    expect(scope.actsForUnit(supervisorOfU1, { unitId: 'U2' })).toBe(false);
    expect(scope.actsForUnit(officer, { unitId: 'U1' })).toBe(false);
  });
});
