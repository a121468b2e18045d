package dev.switchboard.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelPipeline;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything the engine can be told. Defaults follow the Socket.IO v4 server's, except
 * per-message compression, which is off (it costs 4-5x throughput; see shared/NOTES.md).
 *
 * @param corsOrigins    allowed browser origins; {@code ["*"]} for any, empty for none
 * @param transports     {@code "polling"} and/or {@code "websocket"}
 * @param workerThreads  threads that run handlers (they may block)
 * @param ioThreads      event loops, the threads that read, write and run non-blocking handlers; one per
 *     core by default: more loops than cores only adds context switches (each costs more than reading
 *     and answering a packet)
 * @param nodeName       this node's name in {@link SocketInfo#node()}
 * @param outboundBufferLimit bytes that may wait to be sent to one client (packets queued by the
 *     engine and not yet taken by the socket, or buffered for the next long-polling GET); a client
 *     reading slower than the server writes is disconnected with reason {@code "outbound buffer
 *     full"} when it is exceeded, instead of growing memory without bound
 * @param pipelineExtension called with every new connection's Netty pipeline once the engine's own
 *     stages are in place, to append stages of one's own (a test harness's; none by default)
 * @param httpMaxBody largest request body, in bytes, the {@link HttpHandler} of other paths is given;
 *     a larger one is answered 413 (as early as its Content-Length says so)
 * @param requestTimeout time a connection has to deliver a whole HTTP request, from when it opens and
 *     from each response on; it is closed otherwise (a websocket, once upgraded, is not concerned)
 * @param maxConnectionsPerAddress open connections allowed from one client address; a further one is
 *     closed as soon as it is accepted; 0 for no cap
 */
public record EngineConfig(
        String host,
        int port,
        String path,
        Duration pingInterval,
        Duration pingTimeout,
        Duration connectTimeout,
        Duration upgradeTimeout,
        int maxPayload,
        List<String> corsOrigins,
        boolean corsCredentials,
        Set<String> transports,
        boolean perMessageDeflate,
        int workerThreads,
        int ioThreads,
        String nodeName,
        ObjectMapper objectMapper,
        AdapterFactory adapterFactory,
        long outboundBufferLimit,
        Consumer<ChannelPipeline> pipelineExtension,
        int httpMaxBody,
        Duration requestTimeout,
        int maxConnectionsPerAddress) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host; b.port = port; b.path = path; b.pingInterval = pingInterval; b.pingTimeout = pingTimeout;
        b.connectTimeout = connectTimeout; b.upgradeTimeout = upgradeTimeout; b.maxPayload = maxPayload;
        b.corsOrigins = corsOrigins; b.corsCredentials = corsCredentials; b.transports = transports;
        b.perMessageDeflate = perMessageDeflate; b.workerThreads = workerThreads; b.ioThreads = ioThreads;
        b.nodeName = nodeName;
        b.objectMapper = objectMapper; b.adapterFactory = adapterFactory;
        b.outboundBufferLimit = outboundBufferLimit; b.pipelineExtension = pipelineExtension;
        b.httpMaxBody = httpMaxBody;
        b.requestTimeout = requestTimeout; b.maxConnectionsPerAddress = maxConnectionsPerAddress;
        return b;
    }

    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 3000;
        private String path = "/socket.io/";
        private Duration pingInterval = Duration.ofSeconds(25);
        private Duration pingTimeout = Duration.ofSeconds(20);
        private Duration connectTimeout = Duration.ofSeconds(45);
        private Duration upgradeTimeout = Duration.ofSeconds(10);
        private int maxPayload = 1_000_000;
        private List<String> corsOrigins = List.of("*");
        private boolean corsCredentials = false;
        private Set<String> transports = Set.of("polling", "websocket");
        private boolean perMessageDeflate = false;
        private int workerThreads = Math.max(8, Runtime.getRuntime().availableProcessors() * 8);
        private int ioThreads = Runtime.getRuntime().availableProcessors();
        private String nodeName = "node-1";
        private ObjectMapper objectMapper = new ObjectMapper();
        private AdapterFactory adapterFactory;
        private long outboundBufferLimit = 8L * 1024 * 1024;
        private Consumer<ChannelPipeline> pipelineExtension = pipeline -> { };
        private int httpMaxBody = 16 * 1024;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private int maxConnectionsPerAddress = 1000;

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder path(String v) { path = v; return this; }
        public Builder pingInterval(Duration v) { pingInterval = v; return this; }
        public Builder pingTimeout(Duration v) { pingTimeout = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder upgradeTimeout(Duration v) { upgradeTimeout = v; return this; }
        public Builder maxPayload(int v) { maxPayload = v; return this; }
        public Builder corsOrigins(List<String> v) { corsOrigins = List.copyOf(v); return this; }
        public Builder corsCredentials(boolean v) { corsCredentials = v; return this; }
        public Builder transports(Set<String> v) { transports = Set.copyOf(v); return this; }
        public Builder perMessageDeflate(boolean v) { perMessageDeflate = v; return this; }
        public Builder workerThreads(int v) { workerThreads = v; return this; }
        public Builder ioThreads(int v) { ioThreads = v; return this; }
        public Builder nodeName(String v) { nodeName = v; return this; }
        public Builder objectMapper(ObjectMapper v) { objectMapper = v; return this; }
        /** Null means the in-memory adapter. */
        public Builder adapterFactory(AdapterFactory v) { adapterFactory = v; return this; }
        public Builder outboundBufferLimit(long v) { outboundBufferLimit = v; return this; }
        public Builder pipelineExtension(Consumer<ChannelPipeline> v) { pipelineExtension = v; return this; }
        public Builder httpMaxBody(int v) { httpMaxBody = v; return this; }
        public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }
        public Builder maxConnectionsPerAddress(int v) { maxConnectionsPerAddress = v; return this; }

        public EngineConfig build() {
            return new EngineConfig(host, port, path, pingInterval, pingTimeout, connectTimeout, upgradeTimeout,
                    maxPayload, corsOrigins, corsCredentials, transports, perMessageDeflate, workerThreads,
                    ioThreads, nodeName, objectMapper, adapterFactory, outboundBufferLimit, pipelineExtension, httpMaxBody,
                    requestTimeout, maxConnectionsPerAddress);
        }
    }
}
