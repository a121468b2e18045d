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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal on disk: a header, then {@link JournalRecord}s appended in the order the changes were applied.
 * An append is durable once {@link #append} returns (the data is forced to the device). A rewrite replaces the
 * whole file atomically: the new content is written beside it, forced, then renamed over it.
 *
 * <p>While open, the file runs on past its last record into zeros written ahead of the appends by a thread of
 * their own. An append then overwrites space the file system has already allocated, and forcing it flushes only
 * the data, not the file's new size: about half the time per commit here, and a shorter tail. A zero where a
 * record would start reads as the end (no record has length 0); closing cuts the zeros off.
 */
final class JournalFile implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalFile.class);
    static final byte[] HEADER = "SWITCHBOARD JOURNAL 1\n".getBytes(StandardCharsets.US_ASCII);

    private static final int CHUNK_BYTES = 1 << 20;
    /** Zeros are written ahead of the appends by an eighth of the file's size, within these bounds. */
    private static final long MIN_AHEAD_BYTES = 64 << 10;
    private static final long MAX_AHEAD_BYTES = 8 << 20;
    private static final int ZEROS_BYTES = 256 << 10;

    private final Path path;
    private FileChannel channel;
    /** Where the last whole append ended; read by a rewrite's thread while the committer appends. */
    private volatile long end;
    /** Up to where the file holds zeros written ahead, or records. */
    private volatile long zeroedTo;
    /**
     * Held while zeros are written ahead, while an append goes past them, and while the file is replaced: so that
     * zeros never land on records, nor on a file that is no longer the journal.
     */
    private final Object growing = new Object();
    private final AtomicBoolean zeroingScheduled = new AtomicBoolean();
    /** What the zeros are written from; under {@link #growing}. */
    private ByteBuffer zeros;

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
            Replayed replayed = replay(channel, replay);
            long goodEnd = replayed.goodEnd();
            if (goodEnd < channel.size() && !replayed.zerosAfter()) {
                LOG.warn("the database journal {} ends with {} bytes of a change that was never committed; they are"
                        + " dropped", path, channel.size() - goodEnd);
                channel.truncate(goodEnd);
                channel.force(true);
            }
            JournalFile file = new JournalFile(path, channel);
            file.end = goodEnd;
            file.zeroedTo = channel.size();
            file.zeroAheadIfDue();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the database journal " + path, e);
        }
    }

    /** How far the whole records went, and whether only zeros (written ahead, never reached) follow them. */
    private record Replayed(long goodEnd, boolean zerosAfter) {
    }

    private static Replayed replay(FileChannel channel, Consumer<JournalRecord> replay) throws IOException {
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
        int goodEnd = in.readerIndex();
        return new Replayed(goodEnd, in.forEachByte(b -> b == 0) == -1);
    }

    /** Appends {@code records} and forces them to the device; on failure the file is left as it was. */
    void append(ByteBuf records) {
        long at = end;
        long after = at + records.readableBytes();
        try {
            if (after <= zeroedTo) {
                write(records, at);
            } else {
                synchronized (growing) { // the zeros ahead ran out: the append grows the file itself
                    write(records, at);
                }
            }
            channel.force(false);
            end = after;
        } catch (IOException e) {
            undo(at);
            throw new UncheckedIOException("cannot write the database journal " + path, e);
        }
        zeroAheadIfDue();
    }

    private void write(ByteBuf records, long at) throws IOException {
        ByteBuffer bytes = records.nioBuffer();
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }

    /** Cuts the file back to where a failed append began, so that no part of its record stays; the zeros ahead are written again. */
    private void undo(long at) {
        synchronized (growing) {
            try {
                channel.truncate(at);
                zeroedTo = at;
            } catch (IOException e) {
                LOG.warn("cannot cut the database journal {} back to {} bytes: {}", path, at, e.toString());
            }
        }
    }

    /** Starts writing zeros ahead when fewer than half of them are left. */
    private void zeroAheadIfDue() {
        if (zeroedTo - end >= ahead() / 2 || !zeroingScheduled.compareAndSet(false, true)) {
            return;
        }
        Thread zeroing = new Thread(() -> {
            try {
                zeroAhead();
            } finally {
                zeroingScheduled.set(false);
            }
        }, "embedded-db-journal-zeros");
        zeroing.setDaemon(true);
        zeroing.start();
    }

    private long ahead() {
        return Math.max(MIN_AHEAD_BYTES, Math.min(MAX_AHEAD_BYTES, end / 8));
    }

    private void zeroAhead() {
        synchronized (growing) {
            try {
                if (!channel.isOpen()) {
                    return;
                }
                long from = channel.size(); // appends past the zeros hold this lock: nothing is written beyond it
                long to = end + ahead();
                if (zeros == null) {
                    zeros = ByteBuffer.allocateDirect(ZEROS_BYTES);
                }
                for (long at = from; at < to; ) {
                    zeros.clear().limit((int) Math.min(ZEROS_BYTES, to - at));
                    at += channel.write(zeros, at);
                }
                channel.force(true);
                zeroedTo = Math.max(from, to);
            } catch (IOException e) {
                LOG.debug("cannot write zeros ahead of the database journal {}: {}", path, e.toString());
            }
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
                transfer(channel, tailFrom, end, out);
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
        synchronized (growing) {
            FileChannel reopened = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileChannel replaced = channel;
            channel = reopened;
            end = reopened.size();
            zeroedTo = end;
            replaced.close();
        }
        zeroAheadIfDue();
    }

    /** The bytes the header and the records take, without the zeros ahead. */
    long size() {
        return end;
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

    /** Cuts the zeros ahead off, so that the file closed holds only its records, and closes it. */
    @Override
    public void close() {
        synchronized (growing) {
            if (!channel.isOpen()) {
                return;
            }
            try {
                channel.truncate(end);
                channel.force(true);
            } catch (IOException e) {
                LOG.warn("cannot cut the zeros ahead off the database journal {}: {}", path, e.toString());
            }
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("cannot close the database journal {}: {}", path, e.toString());
            }
        }
    }
}
