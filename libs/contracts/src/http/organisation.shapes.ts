import { z } from 'zod/v4';
import { ORG_UNIT_KINDS } from '../lib/vocabulary';
import { Count, Instant, shape } from './registry';

const Stamped = { createdAt: Instant, updatedAt: Instant };

/** 组织机构 — one node of the organisation tree: a discipline-side org unit or a supervised unit. */
export const OrgUnitSchema = shape(
  'OrgUnit',
  '组织机构 — an org unit of the tree: a commission, office, stationed group, township commission or supervised unit',
  z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(ORG_UNIT_KINDS),
    parentId: z.string().nullable(),
    supervises: z.array(z.string()),
    active: z.boolean(),
    headPersonId: z.string().nullable(),
    liaisonPersonId: z.string().nullable(),
    ...Stamped,
  }),
);
export type OrgUnit = z.infer<typeof OrgUnitSchema>;

export const OrgUnitWithChildrenSchema = shape(
  'OrgUnitWithChildren',
  'an org unit and the ids of its children',
  OrgUnitSchema.extend({ children: z.array(z.string()) }),
);
export type OrgUnitWithChildren = z.infer<typeof OrgUnitWithChildrenSchema>;

export const OrgUnitListSchema = shape(
  'OrgUnitList',
  'every org unit, parents before children',
  z.object({ items: z.array(OrgUnitSchema) }),
);
export type OrgUnitList = z.infer<typeof OrgUnitListSchema>;

export const OrgUnitImportResultSchema = shape(
  'OrgUnitImportResult',
  'how many org units an import created and how many it changed',
  z.object({ created: Count, updated: Count }),
);
export type OrgUnitImportResult = z.infer<typeof OrgUnitImportResultSchema>;

/** 人员 — whom to reach, and how; identity and roles still come from the sign-in token. */
export const PersonSchema = shape(
  'Person',
  "人员 — a person of the register: name, org unit and contacts; `id` is their token's `sub`",
  z.object({
    id: z.string(),
    name: z.string(),
    orgUnitId: z.string(),
    mobile: z.string().nullable(),
    email: z.string().nullable(),
    wecomUserId: z.string().nullable(),
    active: z.boolean(),
    ...Stamped,
  }),
);
export type Person = z.infer<typeof PersonSchema>;

export const PersonListSchema = shape('PersonList', 'people of the register, by id', z.object({ items: z.array(PersonSchema) }));
export type PersonList = z.infer<typeof PersonListSchema>;
