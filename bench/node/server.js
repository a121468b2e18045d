// The Node.js baseline for scripts/bench: socket.io@4 configured like our conformance server
// (the official protocol test suite's reference set-up): every `message-with-ack` is acknowledged
// with the arguments it carried, `message` is echoed as `message-back`, compression is off.
// GET /bench/stats answers this process's memory after a full GC (run node with --expose-gc),
// so the bench can measure memory per idle connection the same way for every server.
"use strict";

const http = require("node:http");
const { Server } = require("socket.io");

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}

const port = Number(option("port", "3000"));
const host = option("host", "127.0.0.1");
const pingInterval = Number(option("ping-interval", "25000"));
const pingTimeout = Number(option("ping-timeout", "20000"));
const connectTimeout = Number(option("connect-timeout", "45000"));

const httpServer = http.createServer((req, res) => {
  if (req.method === "GET" && req.url === "/bench/stats") {
    if (typeof global.gc === "function") global.gc();
    const memory = process.memoryUsage();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      heapTotal: memory.heapTotal,
      external: memory.external,
      connections: io.engine.clientsCount,
    }));
    return;
  }
  if (!res.headersSent && !req.url.startsWith("/socket.io/")) {
    res.writeHead(404);
    res.end();
  }
});

const io = new Server(httpServer, {
  pingInterval,
  pingTimeout,
  connectTimeout,
  maxPayload: 1000000,
  perMessageDeflate: false,
  httpCompression: false,
  cors: { origin: "*" },
});

function greet(socket) {
  socket.emit("auth", socket.handshake.auth);
}

io.of("/").on("connection", (socket) => {
  greet(socket);
  socket.on("message", (...args) => socket.emit("message-back", ...args));
  socket.on("message-with-ack", (...args) => {
    const ack = args.pop();
    if (typeof ack === "function") ack(...args);
  });
});
io.of("/custom").on("connection", greet);

httpServer.listen(port, host, () => {
  console.log(`node socket.io ${require("socket.io/package.json").version} listening on ${host}:${port}`);
});

function stop() {
  io.close();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
