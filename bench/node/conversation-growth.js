// Shows how the cost of `message/new` and of a conversation page behaves as one conversation grows:
// kia atri sends arya stark messages (8 acks in flight), and after every block prints the ack latency of
// that block's messages and of 40 first pages. Without `seen`, arya never reads, so her unread messages
// pile up; with `seen`, she marks them seen after each block. The conversation is stored as a head plus
// sealed buckets, and her unread ones are found through a read mark per sender, so in both modes the
// latency should stay flat block after block (docs/benchmark.md has the runs, before and after).
//
// Against a server on the documented fixture with the per-socket rate limits lifted:
//   scripts/server --db-memory --events-per-second 100000 --event-burst 100000
//   scripts/seed documented
//   node bench/node/conversation-growth.js http://127.0.0.1:3000 12000 3000 [seen]
//
// Both users log in over HTTP (`POST /login`) with the password the documented fixture gives them, as
// a user of the app would, so the tokens are whatever the server signs.
"use strict";

const { io } = require("socket.io-client");

const FIXTURE_PASSWORD = "winter is coming";
const IN_FLIGHT = 8;
const PAGES_PER_BLOCK = 40;

const [url, totalArg = "12000", blockArg = "3000", mode] = process.argv.slice(2);
const total = Number(totalArg);
const block = Number(blockArg);
if (!url) {
  console.error("usage: node conversation-growth.js <server url> [messages=12000] [block=3000] [seen]");
  process.exit(2);
}

async function logIn(username) {
  const response = await fetch(new URL("/login", url), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password: FIXTURE_PASSWORD }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.accessToken) {
    throw new Error(`${username} could not log in (HTTP ${response.status} ${JSON.stringify(body)}): seed the documented fixture first`);
  }
  return body;
}

async function connect(username) {
  const { accessToken, userId } = await logIn(username);
  const socket = io(url, { auth: { accessToken }, transports: ["websocket"], forceNew: true, reconnection: false });
  await new Promise((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", (e) => reject(new Error(`${username} could not connect: ${e.message}`)));
  });
  return { socket, userId };
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
  const sender = await connect("kiarashatri");
  const recipient = await connect("aryastark");
  console.log("messages   new p50 / p99 ms   page p50 / p99 ms   not ok");
  for (let sent = 0; sent < total;) {
    const sends = [];
    const pages = [];
    let notOk = 0;
    for (let i = 0; i < block; i += IN_FLIGHT) {
      const replies = await Promise.all(Array.from({ length: IN_FLIGHT }, () =>
        call(sender.socket, "message/new", { to: recipient.userId, context: { text: `message ${sent + i}` } })));
      replies.forEach((r) => { sends.push(r.ms); if (!r.ok) notOk++; });
    }
    sent += block;
    if (mode === "seen" && !(await call(recipient.socket, "message/seen", sender.userId)).ok) notOk++;
    for (let i = 0; i < PAGES_PER_BLOCK; i++) {
      const r = await call(sender.socket, "message/get/all/byPagination", recipient.userId, 1);
      pages.push(r.ms);
      if (!r.ok) notOk++;
    }
    console.log(String(sent).padStart(8), percentile(sends, 0.5).padStart(9), percentile(sends, 0.99).padStart(8),
      percentile(pages, 0.5).padStart(10), percentile(pages, 0.99).padStart(8), String(notOk).padStart(8));
  }
  sender.socket.close();
  recipient.socket.close();
}

main().catch((e) => { console.error(e.message); process.exit(1); });
