import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'reform:isPublic';

/** Lets a route through without a token (health checks). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
