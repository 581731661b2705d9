import { SetMetadata } from '@nestjs/common';
import type { Role } from '@reform/contracts';

export const REQUIRED_ROLES = 'reform:roles';

/** The caller needs at least one of these roles, else 403. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);
