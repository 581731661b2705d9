import type { Principal } from '@reform/contracts';
import { toErrorReply } from '../errors/error-reply';
import { ForbiddenError } from '../errors/forbidden.error';
import { orgUnit, registerOf, ROOT, unitsUnderRoot } from '../testing/fake-register';

const unitU1: Principal = { id: 'u1', name: 'Unit', roles: ['unit'], unitId: 'U1' };
const officer: Principal = { id: 'o1', name: 'Officer', roles: ['officer'] };
const supervisorOfU1: Principal = { id: 's1', name: 'Both', roles: ['supervisor', 'unit'], unitId: 'U1' };
const { scope } = registerOf([ROOT, ...unitsUnderRoot('U1', 'U2')]);

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
    const of = (unitId: string) => ({ unitId, trackingOfficeId: null });
    expect([await scope.sees(unitU1, of('U1')), await scope.sees(unitU1, of('U2'))]).toEqual([true, false]);
    // A unit user's scope is its unit: who tracks the finding does not widen it.
    expect(await scope.sees(unitU1, { unitId: 'U2', trackingOfficeId: 'ROOT' })).toBe(false);
    expect(await scope.sees(officer, of('U2'))).toBe(true);
    expect(scope.actsForUnit(supervisorOfU1, { unitId: 'U1' })).toBe(true);
    expect(scope.actsForUnit(supervisorOfU1, { unitId: 'U2' })).toBe(false);
    expect(scope.actsForUnit(officer, { unitId: 'U1' })).toBe(false);
  });
});

/**
 * ROOT ─┬─ OFFICE-1 (supervises U-SUP) ─┬─ U1 ── U1-SUB
 *       │                               └─ GROUP-1 (supervises U-GRP)
 *       ├─ OFFICE-2 ── U2
 *       ├─ U-SUP, U-GRP, U-OFF (inactive)
 */
const TREE = [
  ROOT,
  orgUnit('OFFICE-1', 'office', 'ROOT', { supervises: ['U-SUP'] }),
  orgUnit('U1', 'unit', 'OFFICE-1'),
  orgUnit('U1-SUB', 'unit', 'U1'),
  orgUnit('GROUP-1', 'stationed_group', 'OFFICE-1', { supervises: ['U-GRP'] }),
  orgUnit('OFFICE-2', 'office', 'ROOT'),
  orgUnit('U2', 'unit', 'OFFICE-2'),
  ...unitsUnderRoot('U-SUP', 'U-GRP'),
  orgUnit('U-OFF', 'unit', 'ROOT', { active: false }),
];
const OFFICE_1_JURISDICTION = {
  everything: false,
  unitIds: ['U-GRP', 'U-SUP', 'U1', 'U1-SUB'],
  trackingOfficeIds: ['GROUP-1', 'OFFICE-1'],
};

describe('AccessScope: jurisdiction (管辖范围)', () => {
  const { scope, fake } = registerOf(TREE);
  const at = (orgUnitId: string | undefined, roles: Principal['roles'] = ['supervisor']): Principal => ({
    id: `${roles.join('+')}@${orgUnitId}`,
    name: 'Someone',
    roles,
    ...(orgUnitId === undefined ? {} : { orgUnitId }),
  });
  const finding = (unitId: string, trackingOfficeId: string | null = null) => ({ unitId, trackingOfficeId });

  it.each(['supervisor', 'officer', 'auditor'] as const)(
    'lets a %s of an office see its subtree, the units it or an org unit below it supervises, and what its subtree tracks',
    async (role) => {
      const scoped = at('OFFICE-1', [role]);
      expect(await scope.scopeFor(scoped)).toEqual({ within: [OFFICE_1_JURISDICTION] });
      const seen = async (unitId: string, trackingOfficeId: string | null = null) => scope.sees(scoped, finding(unitId, trackingOfficeId));
      expect({
        ownUnit: await seen('U1'),
        subtreeUnit: await seen('U1-SUB'),
        supervised: await seen('U-SUP'),
        supervisedByAGroupBelow: await seen('U-GRP'),
        trackedByIt: await seen('U2', 'OFFICE-1'),
        trackedByAGroupBelow: await seen('U2', 'GROUP-1'),
        anotherOfficesUnit: await seen('U2', 'OFFICE-2'),
        anotherUntracked: await seen('U2'),
        trackedByTheRoot: await seen('U2', 'ROOT'),
      }).toEqual({
        ownUnit: true,
        subtreeUnit: true,
        supervised: true,
        supervisedByAGroupBelow: true,
        trackedByIt: true,
        trackedByAGroupBelow: true,
        anotherOfficesUnit: false,
        anotherUntracked: false,
        trackedByTheRoot: false,
      });
    },
  );

  it("keeps an org unit lower down to its own share: a stationed group does not see its office's units", async () => {
    const group = at('GROUP-1');
    expect(await scope.scopeFor(group)).toEqual({ within: [{ everything: false, unitIds: ['U-GRP'], trackingOfficeIds: ['GROUP-1'] }] });
    expect(await scope.sees(group, finding('U-GRP'))).toBe(true);
    expect(await scope.sees(group, finding('U1'))).toBe(false);
    expect(await scope.sees(group, finding('U1', 'OFFICE-1'))).toBe(false);
    expect(await scope.sees(at('OFFICE-2'), finding('U1'))).toBe(false);
  });

  it('lets the root, and a caller with no orgUnitId, see everything', async () => {
    for (const user of [at('ROOT'), at(undefined), at(undefined, ['officer', 'auditor'])]) {
      expect(await scope.scopeFor(user)).toEqual({});
      expect(await scope.sees(user, finding('U2', 'OFFICE-2'))).toBe(true);
      expect(await scope.sees(user, finding('U-OFF'))).toBe(true);
      expect(await scope.unitFilter(user, 'U2')).toEqual({ unitId: 'U2', within: undefined });
    }
  });

  it('narrows a list to the unit asked for within the jurisdiction; the query keeps both', async () => {
    expect(await scope.unitFilter(at('OFFICE-1'), 'U2')).toEqual({ unitId: 'U2', within: [OFFICE_1_JURISDICTION] });
    expect(await scope.unitFilter(at('OFFICE-1'), undefined)).toEqual({ unitId: undefined, within: [OFFICE_1_JURISDICTION] });
  });

  it("gives a reader's inbox their own notifications, a unit user its unit's, a supervisor those awaiting a decision in the jurisdiction", async () => {
    expect(await scope.inboxOf(at('OFFICE-1', ['officer']))).toEqual({ personId: 'officer@OFFICE-1' });
    expect(await scope.inboxOf({ id: 'u1', name: 'Unit', roles: ['unit'], unitId: 'U1' })).toEqual({ personId: 'u1', unitId: 'U1' });
    expect(await scope.inboxOf(at('OFFICE-1'))).toEqual({ personId: 'supervisor@OFFICE-1', decisionsWithin: [OFFICE_1_JURISDICTION] });
    expect(await scope.inboxOf(at('ROOT'))).toEqual({ personId: 'supervisor@ROOT', decisionsWithin: [] });
    // An admin's token may carry a unitId; only the unit role reads the unit's notifications.
    expect(await scope.inboxOf({ id: 'ad', name: 'Admin', roles: ['admin'], unitId: 'U1' })).toEqual({ personId: 'ad' });
  });

  it('shows an admin the whole outbox and a supervisor the deliveries within the jurisdiction', async () => {
    expect(await scope.deliveriesOf({ id: 'ad', name: 'Admin', roles: ['admin'] })).toBeUndefined();
    expect(await scope.deliveriesOf(at('OFFICE-1'))).toEqual([OFFICE_1_JURISDICTION]);
    expect(await scope.deliveriesOf(at('ROOT'))).toBeUndefined();
  });

  it('reads the register once per couple of seconds, not once per question', async () => {
    const before = fake.reads;
    await scope.sees(at('OFFICE-1'), finding('U1'));
    await scope.sees(at('OFFICE-2'), finding('U1'));
    expect(fake.reads - before).toBeLessThanOrEqual(1);
  });
});

describe('AccessScope: the admin role', () => {
  const { scope } = registerOf(TREE);

  it('never lets an admin-only caller act for a unit, whatever unitId its token carries', () => {
    expect(scope.actsForUnit({ id: 'ad', name: 'Admin', roles: ['admin'], unitId: 'U1' }, { unitId: 'U1' })).toBe(false);
  });

  it("keeps a unit user who is also admin to its own unit's findings", async () => {
    const unitAndAdmin: Principal = { id: 'ua', name: 'Unit+Admin', roles: ['unit', 'admin'], unitId: 'U1' };
    expect(await scope.scopeFor(unitAndAdmin)).toEqual({ unitId: 'U1' });
    expect(await scope.sees(unitAndAdmin, { unitId: 'U2', trackingOfficeId: null })).toBe(false);
  });
});

describe('AccessScope.admit', () => {
  const { scope } = registerOf(TREE);
  const refusal = async (user: Principal) => {
    try {
      await scope.admit(user);
      return null;
    } catch (error) {
      return { type: (error as Error).constructor.name, status: toErrorReply(error).body.statusCode, message: (error as Error).message };
    }
  };

  it('admits tokens without an org unit, with a registered one, and unit tokens of a registered, active unit', async () => {
    for (const user of [
      officer,
      { ...officer, orgUnitId: 'ROOT' },
      { ...officer, roles: ['supervisor', 'auditor'], orgUnitId: 'GROUP-1' },
      unitU1,
      { ...unitU1, unitId: 'U1-SUB' },
      { id: 'ad', name: 'Admin', roles: ['admin'] },
    ] as Principal[]) {
      expect({ user: user.id, refusal: await refusal(user) }).toEqual({ user: user.id, refusal: null });
    }
  });

  it('refuses (403) a token naming an org unit the register does not have, in the words of the contract', async () => {
    for (const roles of [['officer'], ['supervisor'], ['auditor'], ['admin']] as Array<Principal['roles']>) {
      expect(await refusal({ id: 'x', name: 'X', roles, orgUnitId: 'OFFICE-9' })).toEqual({
        type: 'ForbiddenError',
        status: 403,
        message: 'orgUnitId: unknown org unit',
      });
    }
  });

  it('refuses (403) a unit token whose unit is unregistered, inactive, or not a unit', async () => {
    for (const unitId of ['U9', 'U-OFF', 'OFFICE-1']) {
      expect(await refusal({ ...unitU1, unitId })).toEqual({
        type: 'ForbiddenError',
        status: 403,
        message: `unitId: "${unitId}" is not a registered, active unit`,
      });
    }
    // So does a unit token that also holds another role.
    await expect(scope.admit({ ...supervisorOfU1, unitId: 'U9' })).rejects.toThrow(ForbiddenError);
  });

  it('refuses (403) an officer, supervisor or auditor whose orgUnitId is a unit (jurisdiction is discipline-side)', async () => {
    for (const roles of [['officer'], ['supervisor'], ['auditor'], ['supervisor', 'unit']] as Array<Principal['roles']>) {
      expect(await refusal({ id: 'x', name: 'X', roles, unitId: 'U1', orgUnitId: 'U1' })).toEqual({
        type: 'ForbiddenError',
        status: 403,
        message: 'orgUnitId: "U1" is a unit, not a discipline-side org unit',
      });
    }
  });
});

describe('AccessScope.reportFilter', () => {
  const { scope } = registerOf(TREE);
  const everywhere: Principal = { id: 's', name: 'S', roles: ['supervisor'] };
  const OFFICE_1_OWN = { everything: false, unitIds: ['U-SUP', 'U1', 'U1-SUB'], trackingOfficeIds: ['OFFICE-1'] };

  it('is the list filter when no org unit is asked for', async () => {
    expect(await scope.reportFilter(everywhere, { unitId: 'U1' })).toEqual({ unitId: 'U1', within: undefined });
    expect(await scope.reportFilter({ ...everywhere, orgUnitId: 'OFFICE-1' }, {})).toEqual({
      unitId: undefined,
      within: [OFFICE_1_JURISDICTION],
    });
    expect(await scope.reportFilter(unitU1, { unitId: 'U2' })).toBeNull();
  });

  it("covers an org unit's own share without rollup: its units down to the next org unit, the units it supervises, what it tracks", async () => {
    expect(await scope.reportFilter(everywhere, { orgUnitId: 'OFFICE-1' })).toEqual({ unitId: undefined, within: [OFFICE_1_OWN] });
    expect(await scope.reportFilter(everywhere, { orgUnitId: 'OFFICE-1', rollup: 'false' })).toEqual({
      unitId: undefined,
      within: [OFFICE_1_OWN],
    });
    expect(await scope.reportFilter(everywhere, { orgUnitId: 'ROOT' })).toEqual({
      unitId: undefined,
      within: [{ everything: false, unitIds: ['U-GRP', 'U-OFF', 'U-SUP'], trackingOfficeIds: ['ROOT'] }],
    });
  });

  it("rolls the org unit's whole subtree up with rollup=true; the root's rollup is everything", async () => {
    expect(await scope.reportFilter(everywhere, { orgUnitId: 'OFFICE-1', rollup: 'true' })).toEqual({
      unitId: undefined,
      within: [OFFICE_1_JURISDICTION],
    });
    expect(await scope.reportFilter(everywhere, { orgUnitId: 'ROOT', rollup: 'true', unitId: 'U2' })).toEqual({
      unitId: 'U2',
      within: undefined,
    });
  });

  it("keeps the caller's own jurisdiction as well: asking for another org unit narrows, never widens", async () => {
    const office2 = { ...everywhere, orgUnitId: 'OFFICE-2' };
    const own = { everything: false, unitIds: ['U2'], trackingOfficeIds: ['OFFICE-2'] };
    expect(await scope.reportFilter(office2, { orgUnitId: 'OFFICE-1', rollup: 'true' })).toEqual({
      unitId: undefined,
      within: [own, OFFICE_1_JURISDICTION],
    });
    expect(await scope.reportFilter(office2, { orgUnitId: 'ROOT', rollup: 'true' })).toEqual({ unitId: undefined, within: [own] });
  });

  it('refuses (400, naming orgUnitId) an org unit the register does not have', async () => {
    await expect(scope.reportFilter(everywhere, { orgUnitId: 'OFFICE-9' })).rejects.toMatchObject({ field: 'orgUnitId' });
    await expect(scope.reportFilter(everywhere, { orgUnitId: 'OFFICE-9', rollup: 'true' })).rejects.toMatchObject({ field: 'orgUnitId' });
  });
});
