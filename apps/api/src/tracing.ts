// main.ts imports this first: tracing must be registered before `http` and `pg` are first required.
import { startTracing } from '@reform/config';

startTracing('reform-api');
