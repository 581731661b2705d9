module.exports = require('../jest.shared.cjs')('integration', 'int-spec');
