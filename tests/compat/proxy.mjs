// A stand-in for CockroachDB's Serverless SQL proxy, in front of PostgreSQL
// (which refuses the unknown --cluster option). Like the real proxy it
// terminates TLS itself, reads the startup message, takes --cluster=<id> out
// of `options`, and connects to the server on the client's behalf. Each
// connection is recorded with the server's backend pid (from BackendKeyData),
// so a driver's `SELECT pg_backend_pid()` finds what the proxy saw.
import net from "node:net";
import tls from "node:tls";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
// The real proxy's pattern for the routing ID inside options.
const CLUSTER_OPTION = /(?:-c\s*|--)cluster=(\S*)/;

// Reads length-prefixed packets (int32 length including itself) from a socket.
function readPacket(socket) {
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    const onData = (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < 4) return;
      const length = buffered.readInt32BE(0);
      if (buffered.length < length) return;
      socket.off("data", onData);
      socket.off("error", reject);
      socket.pause();
      const rest = buffered.subarray(length);
      if (rest.length) socket.unshift(rest);
      resolve(buffered.subarray(0, length));
    };
    socket.on("data", onData);
    socket.on("error", reject);
    socket.resume();
  });
}

function parseStartup(packet) {
  const params = [];
  let pos = 8;
  while (pos < packet.length && packet[pos] !== 0) {
    const keyEnd = packet.indexOf(0, pos);
    const valueEnd = packet.indexOf(0, keyEnd + 1);
    params.push([packet.toString("utf8", pos, keyEnd), packet.toString("utf8", keyEnd + 1, valueEnd)]);
    pos = valueEnd + 1;
  }
  return params;
}

function buildStartup(params) {
  const body = Buffer.concat(params.flatMap(([k, v]) => [Buffer.from(k + "\0"), Buffer.from(v + "\0")]));
  const packet = Buffer.alloc(8 + body.length + 1);
  packet.writeInt32BE(packet.length, 0);
  packet.writeInt32BE(PROTOCOL_3, 4);
  body.copy(packet, 8);
  return packet;
}

// Opens a verify-full TLS connection to the real server.
async function connectUpstream(upstream) {
  const raw = net.connect(upstream.port, "127.0.0.1");
  await new Promise((resolve, reject) => raw.once("connect", resolve).once("error", reject));
  const request = Buffer.alloc(8);
  request.writeInt32BE(8, 0);
  request.writeInt32BE(SSL_REQUEST, 4);
  raw.write(request);
  const answer = await new Promise((resolve, reject) => raw.once("data", resolve).once("error", reject));
  if (answer.toString() !== "S") throw new Error("server refused TLS");
  const secure = tls.connect({ socket: raw, servername: "localhost", ca: upstream.ca });
  await new Promise((resolve, reject) => secure.once("secureConnect", resolve).once("error", reject));
  return secure;
}

// Watches the server's messages until BackendKeyData ('K') gives the pid.
function watchBackendPid(onPid) {
  let buffered = Buffer.alloc(0);
  let done = false;
  return (chunk) => {
    if (done) return;
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 5) {
      const length = buffered.readInt32BE(1);
      if (buffered.length < 1 + length) return;
      if (buffered[0] === 0x4b) {
        done = true;
        onPid(buffered.readInt32BE(5));
        return;
      }
      buffered = buffered.subarray(1 + length);
    }
  };
}

async function handle(client, options) {
  let socket = client;
  let packet = await readPacket(socket);
  for (;;) {
    const code = packet.readInt32BE(4);
    if (code === GSSENC_REQUEST) {
      socket.write("N");
    } else if (code === SSL_REQUEST && socket === client) {
      socket.write("S");
      socket = new tls.TLSSocket(client, { isServer: true, key: options.key, cert: options.cert });
      await new Promise((resolve, reject) => socket.once("secure", resolve).once("error", reject));
    } else {
      break;
    }
    packet = await readPacket(socket);
  }
  // Serverless accepts no plaintext connection, and neither does this proxy.
  if (socket === client) throw new Error("client did not ask for TLS");
  const code = packet.readInt32BE(4);
  if (code === CANCEL_REQUEST) {
    const upstream = await connectUpstream(options.upstream);
    upstream.end(packet);
    socket.end();
    return;
  }
  if (code !== PROTOCOL_3) throw new Error(`unexpected startup code ${code}`);
  const params = parseStartup(packet);
  const get = (key) => params.find(([k]) => k === key)?.[1];
  const record = { user: get("user"), database: get("database") ?? null, options: get("options") ?? null, pid: null };
  options.log.push(record);
  const forwarded = params
    .map(([k, v]) => (k === "options" ? [k, v.replace(CLUSTER_OPTION, "").trim()] : [k, v]))
    .filter(([k, v]) => !(k === "options" && v === ""));
  const upstream = await connectUpstream(options.upstream);
  upstream.on("data", watchBackendPid((pid) => { record.pid = pid; }));
  upstream.write(buildStartup(forwarded));
  upstream.pipe(socket);
  socket.pipe(upstream);
  const close = () => { upstream.destroy(); socket.destroy(); };
  upstream.on("error", close).on("close", close);
  socket.on("error", close).on("close", close);
}

// Starts the proxy on a free port of 127.0.0.1 and, when `ipv6` is set, on the
// same port of ::1 too (the IPv6 cases). `log` collects one record per
// startup message: { user, database, options, pid }.
export async function startProxy({ key, cert, ca, upstreamPort, ipv6 = false }) {
  const log = [];
  const options = { key, cert, log, upstream: { port: upstreamPort, ca } };
  const listen = (port, host) => new Promise((resolve, reject) => {
    const server = net.createServer((client) => {
      client.on("error", () => {});
      handle(client, options).catch(() => client.destroy());
    });
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
  const servers = [await listen(0, "127.0.0.1")];
  const port = servers[0].address().port;
  if (ipv6) servers.push(await listen(port, "::1"));
  return { port, log, close: () => servers.forEach((s) => s.close()) };
}

export { CLUSTER_OPTION };
