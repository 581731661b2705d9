import { Body, Controller, Get, HttpStatus, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Person, PersonList, Principal } from '@reform/contracts';
import { PersonListSchema, PersonSchema } from '@reform/contracts/http';
import type { Response } from 'express';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { Refuses, Responds } from '../docs/responds.decorator';
import { InvalidInputError } from '../errors/invalid-input.error';
import { PERSON_ID_PATTERN } from './dto/save-org-unit.dto';
import { PeopleQuery, SavePersonDto } from './dto/save-person.dto';
import { PeopleService } from './people.service';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @Access({ roles: ['admin', 'officer', 'supervisor'], scope: 'all' })
  @ApiOperation({ summary: '人员 — the people register, of one org unit or all' })
  @Responds(200, PersonListSchema, 'people, by id')
  @Refuses(400)
  async list(@Query() query: PeopleQuery): Promise<PersonList> {
    return { items: await this.people.list(query) };
  }

  @Put(':id')
  @Access({ roles: ['admin'], scope: 'all' })
  @ApiOperation({
    summary: '登记人员 — create (201) or replace (200) a person; `:id` is their token `sub`',
    description: 'mobile ^1\\d{10}$, e-mail in its simple form, orgUnitId registered, else 400 naming the field. Audited as PERSON_SAVED.',
  })
  @ApiParam({ name: 'id', example: 'unit-wang' })
  @Responds(201, PersonSchema, 'the person, registered')
  @Responds(200, PersonSchema, 'the person, replaced (or already as given)')
  @Refuses(400)
  async save(
    @Param('id') id: string,
    @Body() dto: SavePersonDto,
    @CurrentUser() user: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Person> {
    if (!PERSON_ID_PATTERN.test(id))
      throw InvalidInputError.of('id', 'format', 'id must be 1-64 letters, digits, "_", ".", "@" or "-" (the token\'s sub)');
    const { person, created } = await this.people.save(id, dto, user);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return person;
  }
}
