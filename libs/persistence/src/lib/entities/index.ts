export const ENTITIES: Function[] = [];
