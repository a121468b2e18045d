// Runs the interop scenarios against the engine with the official client and prints one JSON line.
// Usage: node scenarios.js <url> <transports, comma separated>
const { io } = require("socket.io-client");

const [url, transportList] = process.argv.slice(2);
const transports = transportList.split(",");
const result = {};

const connect = (namespace, auth) =>
  io(url + namespace, { transports, auth, forceNew: true, reconnection: false });
const once = (socket, event) => new Promise((resolve) => socket.once(event, (...args) => resolve(args)));
// every argument of the ack (emitWithAck resolves with the first only)
const ackAll = (socket, ...args) =>
  new Promise((resolve, reject) =>
    socket.timeout(5000).emit(...args, (err, ...reply) => (err ? reject(err) : resolve(reply))));
const bytes = (buffer) => Array.from(new Uint8Array(buffer));

async function main() {
  const socket = connect("/", { token: "abc" });
  [result.auth] = await once(socket, "auth");

  result.ack = await ackAll(socket, "message-with-ack", 1, "2", { 3: [true] });

  socket.emit("message", Uint8Array.from([1, 2, 3]), "text");
  const [binary, text] = await once(socket, "message-back");
  result.binaryBack = [bytes(binary), text];

  socket.once("question", (a, b, c, ack) => {
    result.question = [a, b, bytes(c)];
    ack("x", 3, Uint8Array.from([7]));
  });
  const answer = once(socket, "answer");
  socket.emit("ask");
  const [x, three, seven] = await answer;
  result.answer = [x, three, bytes(seven)];

  if (transports.length > 1 && socket.io.engine.transport.name !== "websocket") {
    await once(socket.io.engine, "upgrade");
  }
  result.transport = await socket.timeout(5000).emitWithAck("transport");

  const b = connect("/", {});
  const c = connect("/", {});
  await Promise.all([once(b, "connect"), once(c, "connect")]);
  const shouts = { a: [], b: [], c: [] };
  socket.on("shout", (m) => shouts.a.push(m));
  b.on("shout", (m) => shouts.b.push(m));
  c.on("shout", (m) => shouts.c.push(m));
  await socket.timeout(5000).emitWithAck("join", "lobby");
  await b.timeout(5000).emitWithAck("join", "lobby");
  const bHears = once(b, "shout");
  await c.timeout(5000).emitWithAck("shout", "lobby", "hello");
  await bHears;
  await socket.timeout(5000).emitWithAck("shout", "lobby", "from a");
  await new Promise((resolve) => (shouts.b.length >= 2 ? resolve() : b.once("shout", resolve)));
  result.shouts = shouts;
  b.close();
  c.close();

  const refused = connect("/guarded", { token: "wrong" });
  const [error] = await once(refused, "connect_error");
  result.rejected = { message: error.message, data: error.data };
  refused.close();

  const admitted = connect("/guarded", { token: "letmein" });
  [result.welcome] = await once(admitted, "welcome");
  admitted.close();

  socket.close();
  process.stdout.write(JSON.stringify(result) + "\n");
}

const timer = setTimeout(() => {
  process.stdout.write(JSON.stringify({ timeout: true, partial: result }) + "\n");
  process.exit(2);
}, 15000);
main().then(() => { clearTimeout(timer); process.exit(0); }, (e) => {
  process.stdout.write(JSON.stringify({ error: String(e), partial: result }) + "\n");
  process.exit(1);
});
