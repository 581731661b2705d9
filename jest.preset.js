const nxPreset = require('@nx/jest/preset').default;

// Tests read and print dates in UTC whatever the machine's zone.
process.env.TZ = 'UTC';

module.exports = { ...nxPreset };
