module.exports = require('../jest.shared.cjs')('e2e', 'e2e-spec');
