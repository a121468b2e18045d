package dev.switchboard.server.db.journal;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * One change in the journal: a document stored (whole, as it is after the change), a document removed, or a
 * collection dropped. Replaying the records in order rebuilds every collection's documents.
 *
 * <p>On file: {@code int length, int crc32c, byte kind, cstring database, cstring collection, cstring keyField,
 * bson body}, where length and checksum cover what follows them. A record whose checksum does not match was
 * being written when the process stopped, so it was never acknowledged.
 *
 * @param keyField the field that keys the collection's documents ({@code _id}, or {@code name} for the
 *                 namespaces); empty when a whole document is its own key (the index descriptions)
 * @param body     the stored document; for a removal {@code {k: key}}; empty for a drop
 */
record JournalRecord(Kind kind, String database, String collection, String keyField, Document body) {

    enum Kind { PUT, REMOVE, DROP }

    private static final int HEADER_BYTES = 8;
    private static final String KEY = "k";

    static JournalRecord put(String database, String collection, String keyField, Document document) {
        return new JournalRecord(Kind.PUT, database, collection, keyField, document);
    }

    static JournalRecord remove(String database, String collection, String keyField, Object key) {
        return new JournalRecord(Kind.REMOVE, database, collection, keyField, new Document(KEY, key));
    }

    static JournalRecord drop(String database, String collection) {
        return new JournalRecord(Kind.DROP, database, collection, "", new Document());
    }

    /** The key of the removed document. */
    Object removedKey() {
        return body.get(KEY);
    }

    /** The key of the stored document. */
    Object storedKey() {
        return keyOf(keyField, body);
    }

    static Object keyOf(String keyField, Document document) {
        return keyField.isEmpty() ? document : document.get(keyField);
    }

    void writeTo(ByteBuf out) {
        int start = out.writerIndex();
        out.writeInt(0).writeInt(0);
        out.writeByte(kind.ordinal());
        writeCString(out, database);
        writeCString(out, collection);
        writeCString(out, keyField);
        BsonEncoder.encodeDocument(body, out);
        int length = out.writerIndex() - start - HEADER_BYTES;
        out.setInt(start, length);
        out.setInt(start + 4, checksum(out, start + HEADER_BYTES, length));
    }

    /**
     * Reads the record at {@code in}'s reader index; null, with the reader index unchanged, when what is there
     * is not a whole record with a matching checksum (the end of the file, or a record cut short by a crash).
     */
    static JournalRecord readFrom(ByteBuf in) {
        int start = in.readerIndex();
        if (in.readableBytes() < HEADER_BYTES) {
            return null;
        }
        int length = in.getInt(start);
        if (length <= 0 || length > in.readableBytes() - HEADER_BYTES
                || in.getInt(start + 4) != checksum(in, start + HEADER_BYTES, length)) {
            return null;
        }
        in.skipBytes(HEADER_BYTES);
        Kind kind = Kind.values()[in.readByte()];
        String database = BsonDecoder.decodeCString(in);
        String collection = BsonDecoder.decodeCString(in);
        String keyField = BsonDecoder.decodeCString(in);
        Document body = BsonDecoder.decodeBson(in);
        in.readerIndex(start + HEADER_BYTES + length);
        return new JournalRecord(kind, database, collection, keyField, body);
    }

    private static void writeCString(ByteBuf out, String value) {
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.writeByte(0);
    }

    private static int checksum(ByteBuf buf, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(buf.nioBuffer(from, length));
        return (int) crc.getValue();
    }
}
