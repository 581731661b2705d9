import { z } from 'zod/v4';
import { Instant, shape } from './registry';

/** One finding a bulk intake would create, as the file's row read it: unit named, deadline resolved. */
export const ImportPreviewFindingSchema = shape(
  'ImportPreviewFinding',
  'one finding a bulk intake would create: its spreadsheet row (the header is row 1), the unit with its registered name, the deadline resolved (working days counted)',
  z.object({
    row: z.int().min(2),
    title: z.string(),
    description: z.string(),
    category: z.string().nullable(),
    unitId: z.string(),
    unitName: z.string(),
    responsiblePerson: z.string().nullable(),
    dueAt: Instant,
  }),
);
export type ImportPreviewFinding = z.infer<typeof ImportPreviewFindingSchema>;

/** 导入预检 — POST /cases/import with dryRun=true: what the import would create; nothing is. */
export const ImportPreviewSchema = shape(
  'ImportPreview',
  '导入预检 — the findings a bulk intake of this file would create, checked exactly as the import checks them; nothing was created',
  z.object({ dryRun: z.literal(true), findings: z.array(ImportPreviewFindingSchema) }),
);
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
