package dev.switchboard.server.db;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The embedded database's backend, telling a {@link WrittenDocuments} listener which documents every applied write may have
 * changed, whoever sent it (this server, {@code scripts/seed}, the console, a shell on the database port).
 * It reports after the write is applied and before its reply leaves, so a client that saw the reply
 * never reads an older copy from a cache the listener keeps.
 */
final class WriteWatch extends ForwardingBackend {

    private static final HexFormat HEX = HexFormat.of();
    private static final Set<String> DATA_COMMANDS = Set.of("insert", "update", "delete", "findandmodify", "aggregate");

    private final WrittenDocuments listener;

    WriteWatch(MongoBackend backend, WrittenDocuments listener) {
        super(backend);
        this.listener = listener;
    }

    /**
     * The key of an {@code _id} value, the same for the driver's and the embedded server's types; null for a
     * kind of id that is not kept by key (then a write to it is reported as {@link WrittenDocuments#changedAll}).
     */
    static String key(Object id) {
        if (id instanceof String s) {
            return "s:" + s;
        }
        if (id instanceof de.bwaldvogel.mongo.bson.ObjectId o) {
            return "o:" + HEX.formatHex(o.toByteArray());
        }
        if (id instanceof org.bson.types.ObjectId o) {
            return "o:" + o.toHexString();
        }
        return null;
    }

    /** A write that fails half-way may still have changed documents: it is reported either way. */
    @Override
    public Document handleMessage(MongoMessage message) {
        try {
            return backend.handleMessage(message);
        } finally {
            Document body = message.getDocument();
            if (!body.isEmpty()) {
                report(message.getDatabaseName(), body.keySet().iterator().next(), body);
            }
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        try {
            return backend.handleCommand(channel, database, command, query);
        } finally {
            report(database, command, query);
        }
    }

    @Override
    public void dropDatabase(String database) {
        try {
            backend.dropDatabase(database);
        } finally {
            listener.changedAll(database, null);
        }
    }

    private void report(String database, String command, Document body) {
        if (!DurableWrites.isWrite(command) && !writingAggregate(command, body)) {
            return;
        }
        String collection = body.get(command) instanceof String c ? c : null;
        Set<String> ids = switch (command.toLowerCase(Locale.ROOT)) {
            case "insert" -> insertedIds(body.get("documents"));
            case "update" -> filteredIds(body.get("updates"), "q");
            case "delete" -> filteredIds(body.get("deletes"), "q");
            case "findandmodify" -> idsOf(body.get("query"));
            default -> null;
        };
        if (collection == null || ids == null) {
            listener.changedAll(database, collection == null || !isDataCommand(command) ? null : collection);
        } else {
            listener.changed(database, collection, ids);
        }
    }

    /** Commands that change only the documents of the collection they name. */
    private static boolean isDataCommand(String command) {
        return DATA_COMMANDS.contains(command.toLowerCase(Locale.ROOT));
    }

    /** An aggregation with {@code $out} or {@code $merge} writes; any other only reads. */
    private static boolean writingAggregate(String command, Document body) {
        if (!"aggregate".equalsIgnoreCase(command) || !(body.get("pipeline") instanceof List<?> pipeline)) {
            return false;
        }
        return pipeline.stream().anyMatch(stage -> stage instanceof Map<?, ?> m
                && (m.containsKey("$out") || m.containsKey("$merge")));
    }

    private static Set<String> insertedIds(Object documents) {
        if (!(documents instanceof Collection<?> docs)) {
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Object d : docs) {
            String key = d instanceof Map<?, ?> m ? key(m.get("_id")) : null;
            if (key == null) {
                return null;
            }
            ids.add(key);
        }
        return ids;
    }

    /** The ids every statement's filter is limited to; null when one of them may touch any document. */
    private static Set<String> filteredIds(Object statements, String filterField) {
        if (!(statements instanceof Collection<?> list)) {
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Object statement : list) {
            Set<String> mine = statement instanceof Map<?, ?> m ? idsOf(m.get(filterField)) : null;
            if (mine == null) {
                return null;
            }
            ids.addAll(mine);
        }
        return ids;
    }

    /**
     * The ids a filter is limited to by a top-level {@code _id} equality or {@code $in}; null otherwise (other
     * conditions beside it can only narrow the match further, and an upsert then inserts that same id).
     */
    private static Set<String> idsOf(Object filter) {
        if (!(filter instanceof Map<?, ?> m) || !m.containsKey("_id")) {
            return null;
        }
        Object id = m.get("_id");
        List<Object> values = new ArrayList<>();
        if (id instanceof Map<?, ?> condition) {
            if (condition.size() != 1 || !(condition.get("$in") instanceof Collection<?> in)) {
                return null;
            }
            values.addAll(in);
        } else {
            values.add(id);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Object v : values) {
            String key = key(v);
            if (key == null) {
                return null;
            }
            ids.add(key);
        }
        return ids;
    }
}
