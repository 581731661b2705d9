module.exports = require('../../infra/build/webpack-app.cjs')(__dirname);
