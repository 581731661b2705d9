import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACCOUNTABILITY_FORMS,
  ACCOUNTABILITY_TARGETS,
  ALL_ACCOUNTABILITY_FORMS,
  FOUR_FORMS,
  type AccountabilityForm,
  type AccountabilityTarget,
  type FourForm,
} from '@reform/contracts';
import { IsIn, registerDecorator, type ValidationArguments } from 'class-validator';
import { Text } from '../../validation/field.decorators';
import { IsIsoDate, IsNotFutureDate } from '../../validation/iso-date.validators';
import { IsText } from '../../validation/text-rule.validator';

const formsOf = (target: unknown): readonly string[] => ACCOUNTABILITY_FORMS[target as AccountabilityTarget] ?? ALL_ACCOUNTABILITY_FORMS;

/** 问责方式: one Art. 8 allows for the body's target (any of them while the target itself is wrong). */
function IsFormOfTarget(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isFormOfTarget',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          formsOf((args?.object as { target?: unknown })?.target).includes(value as string),
        defaultMessage: (args?: ValidationArguments) => {
          const of = (args?.object as { target?: unknown })?.target;
          const when = ACCOUNTABILITY_FORMS[of as AccountabilityTarget] ? ` when target is "${of}"` : '';
          return `${args?.property} must be one of ${formsOf(of).join(', ')}${when}`;
        },
      },
    });
}

/**
 * 问责结果 — the decision of the party organisation with authority, as it came back: whom (an
 * organisation, or a named leader), in which form (《中国共产党问责条例》 Art. 8), by whom, under
 * which document, when (not ahead), and under which of the 四种形态 it counts.
 */
export class RecordAccountabilityOutcomeDto {
  @ApiProperty({ enum: ACCOUNTABILITY_TARGETS, description: '问责对象: organisation (党组织) or leader (领导干部)' })
  @IsIn(ACCOUNTABILITY_TARGETS)
  target: AccountabilityTarget;

  @ApiPropertyOptional({ minLength: 1, maxLength: 100, description: '被问责的领导干部 — required when target is "leader"' })
  @IsText({
    max: 100,
    requiredWhen: { test: (body: RecordAccountabilityOutcomeDto) => body.target === 'leader', when: 'target is "leader"' },
  })
  personName?: string;

  @ApiProperty({
    enum: ALL_ACCOUNTABILITY_FORMS,
    description: `问责方式 — for an organisation ${ACCOUNTABILITY_FORMS.organisation.join('、')}; for a leader ${ACCOUNTABILITY_FORMS.leader.join('、')}`,
  })
  @IsFormOfTarget()
  form: AccountabilityForm;

  @Text(200, '决定机关 — the body that decided')
  decidedBy: string;

  @Text(100, '决定文号 — the decision document number')
  decisionDocNo: string;

  @ApiProperty({ format: 'date-time', description: '决定日期 — not in the future' })
  @IsIsoDate()
  @IsNotFutureDate()
  decidedAt: string;

  @ApiProperty({ enum: FOUR_FORMS, description: '四种形态 — which of the four forms it counts under (1–4)' })
  @IsIn(FOUR_FORMS, { message: 'fourForm must be one of 1, 2, 3, 4 (四种形态)' })
  fourForm: FourForm;
}
