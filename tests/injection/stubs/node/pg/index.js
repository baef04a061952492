// Test double for the injection suite: records the configuration the snippet
// passes to new Client(...) and never touches the network.
class Client {
  constructor(config) {
    globalThis.__crdbRecords.push({ driver: "node-postgres", config });
  }
  connect() { return Promise.resolve(); }
  query() { return Promise.resolve({ rows: [{}] }); }
  end() { return Promise.resolve(); }
}
module.exports = { Client };
