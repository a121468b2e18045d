package dev.switchboard.server.db.journal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal on disk: a header, then {@link JournalRecord}s appended in the order the changes were applied.
 * An append is durable once {@link #append} returns (the data is forced to the device). A rewrite replaces the
 * whole file atomically: the new content is written beside it, forced, then renamed over it.
 */
final class JournalFile implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalFile.class);
    static final byte[] HEADER = "SWITCHBOARD JOURNAL 1\n".getBytes(StandardCharsets.US_ASCII);

    private static final int CHUNK_BYTES = 1 << 20;

    private final Path path;
    private FileChannel channel;
    /** Where the last whole append ended; read by a rewrite's thread while the committer appends. */
    private volatile long end;

    private JournalFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Whether the file at {@code path} starts like a journal. */
    static boolean isJournal(Path path) throws IOException {
        return Arrays.equals(firstBytes(path, HEADER.length), HEADER);
    }

    static byte[] firstBytes(Path path, int count) throws IOException {
        try (var in = Files.newInputStream(path)) {
            return in.readNBytes(count);
        }
    }

    /**
     * Opens the journal at {@code path}, creating it when missing, and hands every whole record to
     * {@code replay} in order. A tail that is not a whole record (a crash during an append that was therefore
     * never acknowledged) is cut off, so appends continue after the last good record.
     */
    static JournalFile open(Path path, Consumer<JournalRecord> replay) {
        try {
            if (!Files.exists(path) || Files.size(path) == 0) {
                writeAtomically(path, records -> { });
            } else if (!isJournal(path)) {
                throw new IllegalStateException(path + " is not a Switchboard database journal");
            }
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long goodEnd = replay(channel, replay);
            if (goodEnd < channel.size()) {
                LOG.warn("the database journal {} ends with {} bytes of a change that was never committed; they are"
                        + " dropped", path, channel.size() - goodEnd);
                channel.truncate(goodEnd);
                channel.force(true);
            }
            channel.position(goodEnd);
            JournalFile file = new JournalFile(path, channel);
            file.end = goodEnd;
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the database journal " + path, e);
        }
    }

    private static long replay(FileChannel channel, Consumer<JournalRecord> replay) throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE) {
            throw new IOException("journal larger than 2 GB");
        }
        ByteBuffer content = ByteBuffer.allocate((int) size);
        while (content.hasRemaining() && channel.read(content, content.position()) >= 0) {
            // read until full
        }
        content.flip();
        ByteBuf in = Unpooled.wrappedBuffer(content);
        in.skipBytes(HEADER.length);
        JournalRecord record;
        while ((record = JournalRecord.readFrom(in)) != null) {
            replay.accept(record);
        }
        return in.readerIndex();
    }

    /** Appends {@code records} and forces them to the device; on failure the file is left as it was. */
    void append(ByteBuf records) {
        long before = -1;
        try {
            before = channel.position();
            ByteBuffer bytes = records.nioBuffer();
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
            end = channel.position();
        } catch (IOException e) {
            undo(before);
            throw new UncheckedIOException("cannot write the database journal " + path, e);
        }
    }

    private void undo(long size) {
        if (size < 0) {
            return;
        }
        try {
            channel.truncate(size);
            channel.position(size);
        } catch (IOException e) {
            LOG.warn("cannot cut the database journal {} back to {} bytes: {}", path, size, e.toString());
        }
    }

    /**
     * Replaces the whole file by the records {@code content} writes, atomically and durably; on failure the
     * file, and appends to it, go on as before.
     */
    void rewrite(Consumer<RecordSink> content) {
        try {
            writeAtomically(path, content);
            reopen();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the database journal " + path, e);
        }
    }

    /** Where a rewrite is written before it replaces the file. */
    Path next() {
        return nextTo(path);
    }

    private static Path nextTo(Path path) {
        return path.resolveSibling(path.getFileName() + ".next");
    }

    /**
     * Replaces the file by {@link #next()}, a journal of the documents as they were at some point after this
     * file's first {@code tailFrom} bytes were written, followed by what was appended since: replaying the records
     * in order then gives the same documents, as every record is a whole document, a removal or a drop. Call it
     * between appends; on failure the file, and appends to it, go on as before.
     */
    void replaceWith(long tailFrom) {
        Path next = next();
        try {
            try (FileChannel out = FileChannel.open(next, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                transfer(channel, tailFrom, channel.size(), out);
                out.force(true);
            }
            moveOver(next, path);
            reopen();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the database journal " + path + " by " + next, e);
        }
    }

    /**
     * Copies what was appended from {@code from} up to the end of the last whole append onto {@link #next()} and
     * forces it; safe while the committer appends. Returns where the copy ended, for {@link #replaceWith}.
     */
    long copyTail(long from) throws IOException {
        long to = end;
        try (FileChannel out = FileChannel.open(next(), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            transfer(channel, from, to, out);
            out.force(true);
        }
        return to;
    }

    private static void transfer(FileChannel in, long from, long to, FileChannel out) throws IOException {
        for (long at = from; at < to; ) {
            at += in.transferTo(at, to - at, out);
        }
    }

    private void reopen() throws IOException {
        FileChannel reopened = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        reopened.position(reopened.size());
        FileChannel replaced = channel;
        channel = reopened;
        end = reopened.size();
        replaced.close();
    }

    long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return path;
    }

    /** Writes a journal of the records {@code content} hands over to {@code path}, atomically and durably. */
    static void writeAtomically(Path path, Consumer<RecordSink> content) throws IOException {
        Path next = nextTo(path);
        writeForced(next, content, () -> { });
        moveOver(next, path);
    }

    /**
     * Writes a journal of the records {@code content} hands over to {@code target} and forces it to the device;
     * {@code betweenChunks} runs wherever the content allows a pause.
     */
    static void writeForced(Path target, Consumer<RecordSink> content, Runnable betweenChunks) throws IOException {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuf chunk = Unpooled.buffer(CHUNK_BYTES + CHUNK_BYTES / 4);
            chunk.writeBytes(HEADER);
            content.accept(new RecordSink() {
                @Override
                public void accept(JournalRecord record) {
                    record.writeTo(chunk);
                    if (chunk.readableBytes() >= CHUNK_BYTES) {
                        flush(chunk, out);
                    }
                }

                @Override
                public void betweenChunks() {
                    betweenChunks.run();
                }
            });
            flush(chunk, out);
            out.force(true);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void moveOver(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(target);
    }

    private static void flush(ByteBuf chunk, FileChannel out) {
        try {
            ByteBuffer bytes = chunk.nioBuffer();
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            chunk.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the rename itself durable; not every file system lets a directory be opened, which is then skipped. */
    private static void forceDirectory(Path path) {
        Path directory = path.toAbsolutePath().getParent();
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot force the directory {}: {}", directory, e.toString());
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("cannot close the database journal {}: {}", path, e.toString());
        }
    }
}
