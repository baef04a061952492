// The parameter sets the golden files are generated from: each deployment with
// the reference document's example values, and each again with hostile values.
#pragma once

#include <string>
#include <vector>

#include "crdb_connect/types.hpp"

namespace crdb_connect::test {

struct NamedCase {
  std::string name;
  ConnectionParams params;
};

// Password with every character a URL, a shell or a code literal cares about, and a newline.
inline const std::string kHostilePassword = "p@ss:w/rd?#%+ &=\"'\\${x}\nline2";

inline std::vector<NamedCase> golden_cases() {
  ConnectionParams serverless;
  serverless.deployment = "serverless";
  serverless.username = "maxroach";
  serverless.password = "Vd8t-2Wq_Lc9";
  serverless.host = "free-tier.gcp-us-central1.cockroachlabs.cloud";
  serverless.database = "defaultdb";
  serverless.routing_id = "funky-skunk-123";

  ConnectionParams dedicated;
  dedicated.deployment = "dedicated";
  dedicated.username = "maxroach";
  dedicated.password = "Vd8t-2Wq_Lc9";
  dedicated.host = "blue-dog-7gp.aws-us-east-1.cockroachlabs.cloud";
  dedicated.database = "bank";
  dedicated.root_cert = "/home/max/.postgresql/root.crt";

  ConnectionParams self_hosted;
  self_hosted.deployment = "self-hosted";
  self_hosted.username = "maxroach";
  self_hosted.host = "localhost";
  self_hosted.database = "bank";
  self_hosted.root_cert = "/home/max/certs/ca.crt";
  self_hosted.client_cert = "/home/max/certs/client.maxroach.crt";
  self_hosted.client_key = "/home/max/certs/client.maxroach.key";

  // Hostile: Unicode user, database with a dot, Windows certificate paths, IPv6 host.
  ConnectionParams hostile_serverless = serverless;
  hostile_serverless.username = "jürgen_ñ";
  hostile_serverless.password = kHostilePassword;
  hostile_serverless.database = "my.db";

  ConnectionParams hostile_dedicated = dedicated;
  hostile_dedicated.username = "jürgen_ñ";
  hostile_dedicated.password = kHostilePassword;
  hostile_dedicated.database = "my.db";
  hostile_dedicated.root_cert = "C:\\Users\\Jürgen Ñ\\AppData\\Roaming\\postgresql\\root crt+1.crt";

  ConnectionParams hostile_self_hosted = self_hosted;
  hostile_self_hosted.username = "jürgen_ñ";
  hostile_self_hosted.host = "[2001:db8::1]";
  hostile_self_hosted.port = "26258";
  hostile_self_hosted.database = "my.db";
  hostile_self_hosted.root_cert = "C:\\certs\\ca #1.crt";
  hostile_self_hosted.client_cert = "C:\\certs\\client&user=x.crt";
  hostile_self_hosted.client_key = "C:\\certs\\client key%20.key";

  return {
      {"serverless", serverless},
      {"dedicated", dedicated},
      {"self-hosted", self_hosted},
      {"hostile-serverless", hostile_serverless},
      {"hostile-dedicated", hostile_dedicated},
      {"hostile-self-hosted", hostile_self_hosted},
  };
}

}  // namespace crdb_connect::test
