// Test double: records the options given to new DataSource(...).
class DataSource {
  constructor(options) {
    globalThis.__crdbRecords.push({ driver: "typeorm", config: options });
  }
  initialize() { return Promise.resolve(this); }
}
module.exports = { DataSource };
