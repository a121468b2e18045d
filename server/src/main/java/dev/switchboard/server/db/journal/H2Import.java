package dev.switchboard.server.db.journal;

import de.bwaldvogel.mongo.bson.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts a database file of the H2 store that earlier versions used into a journal, once, at the first start
 * on it. The documents of every collection (including the namespaces and index descriptions, from which the
 * indexes are rebuilt) are written to a new journal beside it; then the old file is kept as {@code <file>.h2}
 * and the journal takes its name. A crash between those two renames is finished at the next start.
 */
final class H2Import {

    private static final Logger LOG = LoggerFactory.getLogger(H2Import.class);
    /** How an H2 MVStore file starts. */
    private static final byte[] H2_HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);
    /** H2 backend's map names for a collection's documents: {@code databases.<database>.<collection>}. */
    private static final String DATA_MAP_PREFIX = "databases.";

    private H2Import() {
    }

    static void convertIfH2(Path file) {
        Path converted = file.resolveSibling(file.getFileName() + ".from-h2");
        Path kept = file.resolveSibling(file.getFileName() + ".h2");
        try {
            if (!Files.exists(file) && Files.exists(converted)) {
                Files.move(converted, file, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            if (!Files.exists(file) || !Arrays.equals(JournalFile.firstBytes(file, H2_HEADER.length), H2_HEADER)) {
                return;
            }
            long started = System.nanoTime();
            long[] documents = {0};
            try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
                JournalFile.writeAtomically(converted, out -> store.getMapNames().stream()
                        .filter(name -> name.startsWith(DATA_MAP_PREFIX))
                        .forEach(name -> documents[0] += copy(store, name, out)));
            }
            Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
            Files.move(converted, file, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("converted the H2 database file {} to a journal ({} documents in {} ms); the H2 file is kept as {}",
                    file, documents[0], (System.nanoTime() - started) / 1_000_000, kept);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot convert the H2 database file " + file, e);
        }
    }

    private static long copy(MVStore store, String mapName, RecordSink out) {
        String fullName = mapName.substring(DATA_MAP_PREFIX.length());
        int dot = fullName.indexOf('.');
        String database = fullName.substring(0, dot);
        String collection = fullName.substring(dot + 1);
        String keyField = keyFieldOf(collection);
        MVMap<Object, Document> documents = store.openMap(mapName);
        long count = 0;
        for (Document document : documents.values()) {
            out.accept(JournalRecord.put(database, collection, keyField, document));
            count++;
        }
        return count;
    }

    /** The key fields mongo-java-server gives its collections: the namespaces by name, index descriptions none. */
    private static String keyFieldOf(String collection) {
        return switch (collection) {
            case "system.namespaces" -> "name";
            case "system.indexes" -> "";
            default -> "_id";
        };
    }
}
