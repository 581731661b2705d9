export * from './calendar-date';
export * from './calendar-data';
export * from './bundled-calendar';
export * from './working-calendar';
export * from './working-day-deadline';
export * from './zoned-time';
