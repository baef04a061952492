// Test double: records the connection string given to new Sequelize(...).
class Sequelize {
  constructor(config) {
    globalThis.__crdbRecords.push({ driver: "sequelize", config });
  }
  authenticate() { return Promise.resolve(); }
  close() { return Promise.resolve(); }
}
module.exports = Sequelize;
