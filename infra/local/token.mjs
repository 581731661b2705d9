#!/usr/bin/env node
// Prints a signed HS256 bearer token for local use:
//   npm run token -- --sub u1 --roles supervisor [--unit U1] [--org OFF-1] [--name 'Name'] [--expires 12h]
// Signs with AUTH_JWT_SECRET, or the local default the API also falls back to.
import jwt from 'jsonwebtoken';
import { parseArgs } from 'node:util';

const LOCAL_SECRET = 'reform-local-dev-secret';
const ROLES = ['officer', 'supervisor', 'unit', 'auditor', 'admin'];
const USAGE =
  "usage: npm run token -- --sub <user id> --roles <role[,role]> [--unit <unitId>] [--org <orgUnitId>] [--name 'Name'] [--expires 12h]\n" +
  `roles: ${ROLES.join(', ')}; --unit is required with the unit role; --org sets the orgUnitId claim (jurisdiction) of an officer, supervisor or auditor`;

function fail(message) {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      sub: { type: 'string' },
      roles: { type: 'string', multiple: true },
      unit: { type: 'string' },
      org: { type: 'string' },
      name: { type: 'string' },
      expires: { type: 'string', default: '12h' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (error) {
  fail(error.message);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const roles = (values.roles ?? [])
  .flatMap((value) => value.split(','))
  .map((role) => role.trim())
  .filter(Boolean);
if (!values.sub) fail('--sub is required');
if (roles.length === 0) fail('--roles is required');
const unknown = roles.filter((role) => !ROLES.includes(role));
if (unknown.length > 0) fail(`unknown role(s): ${unknown.join(', ')}`);
if (roles.includes('unit') && !values.unit) fail('--unit is required with the unit role');

const claims = {
  sub: values.sub,
  name: values.name ?? values.sub,
  roles,
  ...(values.unit ? { unitId: values.unit } : {}),
  ...(values.org ? { orgUnitId: values.org } : {}),
};
const secret = process.env.AUTH_JWT_SECRET || LOCAL_SECRET;
// When the API requires an issuer and an audience, its HS256 tokens must carry them too.
const required = {
  ...(process.env.AUTH_ISSUER ? { issuer: process.env.AUTH_ISSUER } : {}),
  ...(process.env.AUTH_AUDIENCE ? { audience: process.env.AUTH_AUDIENCE } : {}),
};
try {
  process.stdout.write(`${jwt.sign(claims, secret, { algorithm: 'HS256', expiresIn: values.expires, ...required })}\n`);
} catch (error) {
  fail(`cannot sign the token: ${error.message}`);
}
