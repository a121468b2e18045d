// One client session against the Switchboard server with the official Node.js client.
// Usage: node session.js <url> '<plan JSON>'
// plan: {
//   token?: string,                      a JWT for auth.accessToken
//   sign?: { claims, secret, options? }, or a JWT signed here with Node's jsonwebtoken
//   transports?: ["websocket"],          default polling then websocket
//   steps?: [{ emit, args }],            emitted in order, each waiting for its ack (5 s)
//   waitFor?: { "<push>": count },       after the steps, wait until these pushes arrived (10 s)
// }
// Prints one JSON line per phase: {"ready":true} once connected (the caller may act then: this
// script waits for a line on stdin before running the steps), and finally
// { connectError?, transport, acks: [reply...], pushes: [{ event, payload }] }.
const { io } = require("socket.io-client");
const jwt = require("jsonwebtoken");
const readline = require("readline");

const [url, planText] = process.argv.slice(2);
const plan = JSON.parse(planText);
const result = { acks: [], pushes: [] };
const print = (o) => process.stdout.write(JSON.stringify(o) + "\n");

const token = plan.sign ? jwt.sign(plan.sign.claims, plan.sign.secret, plan.sign.options || {}) : plan.token;
const socket = io(url, {
  transports: plan.transports || ["polling", "websocket"],
  auth: token === undefined ? {} : { accessToken: token },
  forceNew: true,
  reconnection: false,
});
socket.onAny((event, payload) => result.pushes.push({ event, payload }));

const stdinLine = () =>
  new Promise((resolve) => {
    const lines = readline.createInterface({ input: process.stdin });
    lines.once("line", () => {
      lines.close(); // an open stdin would keep node running after the session
      resolve();
    });
  });
const count = (event) => result.pushes.filter((p) => p.event === event).length;
const waitFor = async (wanted, ms) => {
  const deadline = Date.now() + ms;
  while (Object.entries(wanted).some(([e, n]) => count(e) < n) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
};

async function main() {
  const outcome = await new Promise((resolve) => {
    socket.once("connect", () => resolve(null));
    socket.once("connect_error", (err) => resolve({ message: err.message, data: err.data }));
  });
  if (outcome) {
    result.connectError = outcome;
    print(result);
    return;
  }
  print({ ready: true });
  await stdinLine();
  for (const step of plan.steps || []) {
    result.acks.push(await socket.timeout(5000).emitWithAck(step.emit, ...(step.args || [])));
  }
  await waitFor(plan.waitFor || {}, 10000);
  result.transport = socket.io.engine.transport.name;
  print(result);
}

main()
  .catch((err) => {
    result.failure = String(err && err.stack ? err.stack : err);
    print(result);
    process.exitCode = 1;
  })
  .finally(() => {
    socket.close();
    process.stdin.destroy(); // the caller keeps our stdin open; it must not keep node alive
  });
