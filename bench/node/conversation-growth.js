// Shows how the cost of `message/new` and of a conversation page behaves as one conversation grows:
// john snow sends kia atri messages (8 acks in flight), and after every block prints the ack latency of
// that block's messages and of 40 first pages. Without `seen`, kia never reads, so her unread list
// (the `chats` document, one array) grows with the conversation and the latency rises block after block:
// the defect the README names. With `seen`, she marks them seen after each block, so only the
// conversation grows; it is stored as a head plus sealed buckets, and the latency stays flat.
//
// Against a server on the documented fixture with the per-socket rate limits lifted:
//   scripts/server --db-memory --events-per-second 100000 --event-burst 100000
//   scripts/seed documented
//   node bench/node/conversation-growth.js http://127.0.0.1:3000 12000 3000 [seen]
//
// The tokens are signed with the example secret, the embedded database's default.
"use strict";

const crypto = require("node:crypto");
const { io } = require("socket.io-client");

const EXAMPLE_SECRET = "0684c60c14e870b7a16ad6f491cb896f232b46017a2b6c0261120bef5eba5100";
const JOHN_SNOW = "63021602091fa84d91c8e9bf";
const KIA_ATRI = "62fc0c0c2b83bd50cb5fef05";
const IN_FLIGHT = 8;
const PAGES_PER_BLOCK = 40;

const [url, totalArg = "12000", blockArg = "3000", mode] = process.argv.slice(2);
const total = Number(totalArg);
const block = Number(blockArg);
if (!url) {
  console.error("usage: node conversation-growth.js <server url> [messages=12000] [block=3000] [seen]");
  process.exit(2);
}

function token(userId) {
  const part = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const unsigned = part({ alg: "HS256", typ: "JWT" }) + "." + part({ user_id: userId, iat: Math.floor(Date.now() / 1000) });
  return unsigned + "." + crypto.createHmac("sha256", EXAMPLE_SECRET).update(unsigned).digest("base64url");
}

function connect(userId) {
  const socket = io(url, { auth: { accessToken: token(userId) }, transports: ["websocket"], forceNew: true, reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (e) => reject(new Error(`user ${userId} could not connect: ${e.message}`)));
  });
}

function call(socket, event, ...args) {
  const start = process.hrtime.bigint();
  return new Promise((resolve) => socket.emit(event, ...args, (reply) =>
    resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, ok: reply && reply.status === "ok" })));
}

function percentile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(2);
}

async function main() {
  const john = await connect(JOHN_SNOW);
  const kia = mode === "seen" ? await connect(KIA_ATRI) : null;
  console.log("messages   new p50 / p99 ms   page p50 / p99 ms   not ok");
  for (let sent = 0; sent < total;) {
    const sends = [];
    const pages = [];
    let notOk = 0;
    for (let i = 0; i < block; i += IN_FLIGHT) {
      const replies = await Promise.all(Array.from({ length: IN_FLIGHT }, () =>
        call(john, "message/new", { to: KIA_ATRI, context: { text: `message ${sent + i}` } })));
      replies.forEach((r) => { sends.push(r.ms); if (!r.ok) notOk++; });
    }
    sent += block;
    if (kia && !(await call(kia, "message/seen", JOHN_SNOW)).ok) notOk++;
    for (let i = 0; i < PAGES_PER_BLOCK; i++) {
      const r = await call(john, "message/get/all/byPagination", KIA_ATRI, 1);
      pages.push(r.ms);
      if (!r.ok) notOk++;
    }
    console.log(String(sent).padStart(8), percentile(sends, 0.5).padStart(9), percentile(sends, 0.99).padStart(8),
      percentile(pages, 0.5).padStart(10), percentile(pages, 0.99).padStart(8), String(notOk).padStart(8));
  }
  john.close();
  if (kia) kia.close();
}

main().catch((e) => { console.error(e.message); process.exit(1); });
