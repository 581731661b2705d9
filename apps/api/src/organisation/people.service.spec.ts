import type { Actor } from '@reform/contracts';
import { InvalidInputError } from '../errors/invalid-input.error';
import { FakeRegisterStore, ROOT, unitsUnderRoot } from '../testing/fake-register';
import { validationMessages } from '../testing/validate-body';
import { SavePersonDto } from './dto/save-person.dto';
import { PeopleService } from './people.service';

const admin: Actor = { id: 'admin-1', name: '管理员' };

function setUp() {
  const fake = new FakeRegisterStore([ROOT, ...unitsUnderRoot('U-FIN')]);
  return { fake, service: new PeopleService(fake.store) };
}

describe('PeopleService', () => {
  it('registers (201) and replaces (200) a person, contacts defaulting to none', async () => {
    const { service } = setUp();
    const created = await service.save('unit-wang', { name: ' 王芳 ', orgUnitId: 'U-FIN' }, admin);
    expect(created).toMatchObject({
      created: true,
      person: { id: 'unit-wang', name: '王芳', orgUnitId: 'U-FIN', mobile: null, email: null, wecomUserId: null, active: true },
    });
    const replaced = await service.save('unit-wang', { name: '王芳', orgUnitId: 'ROOT', mobile: '13800000000' }, admin);
    expect(replaced).toMatchObject({ created: false, person: { orgUnitId: 'ROOT', mobile: '13800000000' } });
    expect((await service.list({ orgUnitId: 'ROOT' })).map((person) => person.id)).toEqual(['unit-wang']);
    expect(await service.list({ orgUnitId: 'U-FIN' })).toEqual([]);
  });

  it('refuses (400, naming orgUnitId) a person of an org unit the register does not have, and saves nothing', async () => {
    const { service, fake } = setUp();
    const saving = service.save('p1', { name: '张三', orgUnitId: 'U-NONE' }, admin);
    await expect(saving).rejects.toBeInstanceOf(InvalidInputError);
    await expect(saving).rejects.toMatchObject({ field: 'orgUnitId', message: 'orgUnitId: unknown org unit "U-NONE"' });
    expect(fake.persons.size).toBe(0);
  });

  it.each([
    [{ name: '王芳', orgUnitId: 'U-FIN', mobile: '13800000000', email: 'wang@example.gov.cn' }, []],
    [{ name: '王芳', orgUnitId: 'U-FIN', mobile: '1380000000' }, ['mobile must be a mainland mobile number (11 digits starting with 1)']],
    [{ name: '王芳', orgUnitId: 'U-FIN', mobile: '23800000000' }, ['mobile must be a mainland mobile number (11 digits starting with 1)']],
    [{ name: '王芳', orgUnitId: 'U-FIN', email: 'wang@' }, ['email must be an e-mail address (name@example.gov.cn)']],
    [{ name: '王芳', orgUnitId: 'U-FIN', mobile: null, email: null }, []],
  ])('validates the body %j → %j', async (body, messages) => {
    expect(await validationMessages(SavePersonDto, body)).toEqual(messages);
  });
});
