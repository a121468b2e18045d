// A load worker of scripts/bench: drives a server with the official socket.io-client@4, the client
// real users run. The Java orchestrator starts several of these (so the client is not the
// bottleneck), sends each one JSON command per line on stdin and reads one `RESULT <json>` line per
// command on stdout. Every socket is its own connection (forceNew: a Manager of its own), websocket
// only, no reconnection. Times are epoch milliseconds with fractions (performance.timeOrigin +
// performance.now()), so marks written by one worker can be read by another; latencies are sent back
// as sparse histograms laid out like the bench's LatencyHistogram (nanoseconds, 64 buckets per
// power of two), so the orchestrator merges them exactly.
//
// Commands:
//   {cmd:"connect", url, count, inFlight, plan?, from?, awaitEvents?, localAddresses?, timeoutMs, deadline?}
//       opens `count` sockets, at most `inFlight` handshakes pending; with a plan file, socket i is
//       user plan.users[from + i] (its token in the handshake auth) and is ready once every event of
//       `awaitEvents` (the connect pushes) has arrived. Answers counts, the rate and the latency
//       from the handshake to ready. Opens no new socket after `deadline` (epoch ms).
//   {cmd:"transport", windowStart, windowEnd}
//       every socket keeps one message-with-ack in flight until windowEnd; latency of the acks of
//       requests sent inside the window.
//   {cmd:"step", rate, windowStart, windowEnd, ackTimeoutMs, maxOutstanding, seed}
//       the application mix issued open-loop at `rate` per second until windowEnd; per event the
//       ack latency and the count of each reply status; push delivery latency; timeouts.
//   {cmd:"disconnect"}  closes every socket and answers how many; the worker stays for more commands.
//   {cmd:"close"}  closes every socket, answers, exits.
"use strict";

const fs = require("node:fs");
const readline = require("node:readline");
const { monitorEventLoopDelay } = require("node:perf_hooks");
const { io } = require("socket.io-client");

const now = () => performance.timeOrigin + performance.now();
const MARK = "bench@";

// ---- histogram (same layout as dev.switchboard.bench.LatencyHistogram)

class Histogram {
  constructor() {
    this.buckets = new Map();
    this.count = 0;
    this.sum = 0;
    this.min = Number.MAX_SAFE_INTEGER;
    this.max = 0;
  }

  recordMs(ms) {
    const ns = Math.max(0, Math.round(ms * 1e6));
    const i = Histogram.indexOf(ns);
    this.buckets.set(i, (this.buckets.get(i) || 0) + 1);
    this.count++;
    this.sum += ns;
    if (ns < this.min) this.min = ns;
    if (ns > this.max) this.max = ns;
  }

  static indexOf(v) {
    if (v < 128) return v;
    let e = Math.floor(Math.log2(v));
    if (2 ** e > v) e--;
    else if (2 ** (e + 1) <= v) e++;
    const shift = e - 6;
    const sub = Math.floor(v / 2 ** shift) - 64;
    return 128 + (e - 7) * 64 + sub;
  }

  toJSON() {
    return {
      count: this.count, sum: this.sum, min: this.count ? this.min : 0, max: this.max,
      buckets: [...this.buckets.entries()],
    };
  }
}

// ---- a small seeded random source, so every run issues the same sequence

function random(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}

// ---- state

let sockets = []; // { socket, user, ready }
let disconnects = 0; // sockets the server closed after they were ready
const pushNames = new Set(["message/send/to", "tweet/new"]);
let measured = null; // the measured window of the current step: { start, end, pushes: Map<name, Histogram> }

function statusOf(reply) {
  return reply && typeof reply === "object" && typeof reply.status === "string" ? reply.status : "missing";
}

function markOf(payload) {
  const text = typeof payload === "string" ? payload : JSON.stringify(payload);
  const at = text.indexOf(MARK);
  if (at < 0) return -1;
  const m = /^[0-9]+(\.[0-9]+)?/.exec(text.slice(at + MARK.length));
  return m ? Number(m[0]) : -1;
}

function onPush(event, payload) {
  if (!measured || !pushNames.has(event)) return;
  const sentAt = markOf(payload);
  if (sentAt >= measured.start && sentAt < measured.end) {
    measured.pushes.get(event).recordMs(now() - sentAt);
  }
}

// ---- connect

function connect(c) {
  const plan = c.plan ? JSON.parse(fs.readFileSync(c.plan, "utf8")) : null;
  const awaited = c.awaitEvents || [];
  const addresses = c.localAddresses || [];
  const latency = new Histogram();
  const failures = [];
  let started = 0;
  let settled = 0;
  let connected = 0;
  let failed = 0;
  let readyTimeouts = 0;
  const t0 = now();
  return new Promise((resolve) => {
    const finish = () => {
      const seconds = (now() - t0) / 1000;
      resolve({
        target: c.count, connected, failed, readyTimeouts, seconds, latency: latency.toJSON(),
        failureSamples: failures,
      });
    };
    if (c.count === 0) return finish();
    let stopped = false; // past the deadline: open no more, finish once the pending ones settle
    const settle = () => {
      settled++;
      if (settled === c.count || (stopped && settled === started)) finish();
      else openNext();
    };
    const openNext = () => {
      if (started >= c.count || stopped) return;
      if (c.deadline && now() > c.deadline) {
        stopped = true;
        if (settled === started) finish();
        return;
      }
      const i = started++;
      const user = plan ? plan.users[(c.from + i) % plan.users.length] : null;
      const options = {
        forceNew: true, transports: ["websocket"], upgrade: false, reconnection: false, timeout: c.timeoutMs,
      };
      if (user) options.auth = { accessToken: user.token };
      if (addresses.length) options.localAddress = addresses[i % addresses.length];
      const begun = now();
      const socket = io(c.url, options);
      const entry = { socket, user, ready: false };
      const seen = new Set();
      let done = false;
      let timer = null;
      const ready = () => {
        if (done) return;
        done = true;
        if (timer) clearTimeout(timer);
        entry.ready = true;
        connected++;
        latency.recordMs(now() - begun);
        sockets.push(entry);
        settle();
      };
      const fail = (reason) => {
        if (done) return;
        done = true;
        if (timer) clearTimeout(timer);
        failed++;
        if (failures.length < 5) failures.push(reason);
        socket.close();
        settle();
      };
      socket.onAny((event, ...args) => {
        if (!done && awaited.includes(event)) {
          seen.add(event);
          if (seen.size === awaited.length) ready();
        }
        onPush(event, args[0]);
      });
      socket.on("connect", () => {
        if (awaited.length === 0) ready();
        else timer = setTimeout(() => { readyTimeouts++; ready(); }, c.timeoutMs);
      });
      socket.on("connect_error", (err) => fail(String(err && err.message)));
      socket.on("disconnect", (reason) => {
        if (!done) fail(`disconnected before ready: ${reason}`);
        else if (reason !== "io client disconnect") disconnects++;
      });
    };
    for (let k = 0; k < Math.min(c.inFlight, c.count); k++) openNext();
  });
}

// ---- transport: one message-with-ack in flight per socket

function transport(c) {
  const histogram = new Histogram();
  let errors = 0;
  let running = sockets.length;
  return new Promise((resolve) => {
    const finish = () => resolve({ clients: sockets.length, acks: histogram.count, errors, latency: histogram.toJSON() });
    if (running === 0) return finish();
    for (const { socket } of sockets) {
      const send = () => {
        const sentAt = now();
        socket.emit("message-with-ack", "bench", { n: 42, text: "hello" }, (first) => {
          const at = now();
          if (first !== "bench") errors++;
          if (sentAt >= c.windowStart && at <= c.windowEnd) histogram.recordMs(at - sentAt);
          if (at < c.windowEnd && socket.connected) send();
          else if (--running === 0) finish();
        });
      };
      send();
    }
    // a socket the server dropped never acks again: do not wait for it forever
    setTimeout(finish, Math.max(0, c.windowEnd - now()) + 5000);
  });
}

// ---- application: the mix, open loop

const MIX = [
  ["message/new", 20], ["tweet/add", 10], ["tweet/like/toggle", 20], ["user/profile/get", 20],
  ["tweet/get/byPagination", 20], ["message/get/all/byPagination", 10],
];

function argsFor(event, user, pick, sentAt) {
  const peer = user.peers.length ? pick(user.peers) : null;
  switch (event) {
    case "message/new":
      return peer && [{ to: peer, context: { text: MARK + sentAt.toFixed(3) } }];
    case "tweet/add":
      return [MARK + sentAt.toFixed(3) + " a tweet from the load client"];
    case "tweet/like/toggle":
      return user.likeable.length ? [pick(user.likeable)] : null;
    case "user/profile/get":
      return [peer || user.id];
    case "tweet/get/byPagination":
      return [peer || user.id, 1];
    case "message/get/all/byPagination":
      return peer && [peer, 1];
    default:
      return null;
  }
}

function step(c) {
  const next = random(c.seed || 42);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const weights = [];
  for (const [event, weight] of MIX) for (let k = 0; k < weight; k++) weights.push(event);
  const perEvent = new Map(MIX.map(([event]) => [event, { latency: new Histogram(), statuses: {}, timeouts: 0 }]));
  const byStatus = new Map(); // ack latency of the replies of each status, over all events
  measured = { start: c.windowStart, end: c.windowEnd, pushes: new Map([...pushNames].map((n) => [n, new Histogram()])) };
  const live = sockets.filter((s) => s.user);
  const pending = new Set();
  let issued = 0;
  let notSent = 0;
  let late = 0;
  const began = now();
  // how long this client's own event loop stalled (its GC, its CPU): a stall delays every ack it reads
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  return new Promise((resolve) => {
    const issueOne = (at) => {
      const s = live[Math.floor(next() * live.length)];
      let event = pick(weights);
      let args = argsFor(event, s.user, pick, at);
      if (!args) {
        event = "user/profile/get";
        args = [s.user.id];
      }
      const inWindow = at >= c.windowStart;
      if (!s.socket.connected || pending.size >= c.maxOutstanding) {
        if (inWindow) notSent++;
        return;
      }
      const request = { event, sentAt: at, inWindow };
      pending.add(request);
      s.socket.emit(event, ...args, (reply) => {
        if (!pending.delete(request) || !request.inWindow) return;
        const figures = perEvent.get(request.event);
        const took = now() - request.sentAt;
        if (took > c.ackTimeoutMs) {
          figures.timeouts++;
          late++;
          return;
        }
        figures.latency.recordMs(took);
        const status = statusOf(reply);
        figures.statuses[status] = (figures.statuses[status] || 0) + 1;
        if (!byStatus.has(status)) byStatus.set(status, new Histogram());
        byStatus.get(status).recordMs(took);
      });
    };
    let windowOpen = false;
    const ticker = setInterval(() => {
      const at = now();
      if (!windowOpen && at >= c.windowStart) {
        windowOpen = true;
        loopDelay.reset(); // stalls of the warm-up are not the window's
      }
      if (at >= c.windowEnd) {
        clearInterval(ticker);
        drain();
        return;
      }
      const due = Math.floor(((at - began) * c.rate) / 1000) - issued;
      for (let k = 0; k < due; k++) {
        issued++;
        issueOne(at);
      }
    }, 1);
    const drain = () => {
      const waitUntil = c.windowEnd + c.ackTimeoutMs;
      const check = () => {
        const open = [...pending].filter((r) => r.inWindow).length;
        if (open > 0 && now() < waitUntil) return setTimeout(check, 20);
        for (const r of pending) if (r.inWindow) perEvent.get(r.event).timeouts++;
        pending.clear();
        // pushes of the last requests may still be on their way to other workers' sockets
        setTimeout(() => {
          const events = {};
          for (const [event, f] of perEvent) {
            events[event] = { latency: f.latency.toJSON(), statuses: f.statuses, timeouts: f.timeouts };
          }
          const pushes = {};
          for (const [name, h] of measured.pushes) pushes[name] = h.toJSON();
          const latencyByStatus = {};
          for (const [status, h] of byStatus) latencyByStatus[status] = h.toJSON();
          measured = null;
          loopDelay.disable();
          const loopDelayMs = { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
          resolve({ sockets: live.length, notSent, late, events, pushes, latencyByStatus, loopDelayMs });
        }, 200);
      };
      check();
    };
  });
}

// ---- the command loop

async function handle(c) {
  switch (c.cmd) {
    case "connect": return connect(c);
    case "transport": return transport(c);
    case "step": return step(c);
    case "disconnect":
    case "close": {
      const n = sockets.length;
      for (const { socket } of sockets) socket.close();
      sockets = [];
      return { closed: n };
    }
    default: throw new Error(`unknown command ${c.cmd}`);
  }
}

if (require.main !== module) {
  module.exports = { Histogram }; // for the bench's test of the shared histogram layout
  return;
}

const lines = readline.createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on("line", (line) => {
  if (!line.trim()) return;
  queue = queue.then(async () => {
    let c;
    try {
      c = JSON.parse(line);
      const result = await handle(c);
      process.stdout.write(`RESULT ${JSON.stringify({ ...result, disconnects })}\n`);
      if (c.cmd === "close") setTimeout(() => process.exit(0), 100);
    } catch (e) {
      process.stdout.write(`RESULT ${JSON.stringify({ error: String(e && e.stack || e) })}\n`);
    }
  });
});
lines.on("close", () => queue.then(() => process.exit(0)));
