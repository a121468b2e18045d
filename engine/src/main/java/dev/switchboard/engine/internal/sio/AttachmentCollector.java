package dev.switchboard.engine.internal.sio;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Writes JSON as usual, except that binary values ({@code byte[]}, {@code BinaryNode}) become
 * Socket.IO placeholders {@code {"_placeholder":true,"num":n}} and are set aside as attachments.
 * Every Jackson path to binary output goes through {@code writeBinary}, hence this one hook.
 */
final class AttachmentCollector extends JsonGeneratorDelegate {

    private final List<byte[]> attachments;

    /** @param attachments where binary values go; a placeholder's number is its index there */
    AttachmentCollector(JsonGenerator delegate, List<byte[]> attachments) {
        super(delegate, false);
        this.attachments = attachments;
    }

    @Override
    public void writeBinary(Base64Variant variant, byte[] data, int offset, int len) throws IOException {
        byte[] copy = offset == 0 && len == data.length ? data : java.util.Arrays.copyOfRange(data, offset, offset + len);
        placeholder(copy);
    }

    @Override
    public void writeBinary(byte[] data, int offset, int len) throws IOException {
        writeBinary(null, data, offset, len);
    }

    @Override
    public void writeBinary(byte[] data) throws IOException {
        writeBinary(null, data, 0, data.length);
    }

    @Override
    public int writeBinary(Base64Variant variant, InputStream data, int dataLength) throws IOException {
        byte[] bytes = data.readAllBytes();
        placeholder(bytes);
        return bytes.length;
    }

    @Override
    public int writeBinary(InputStream data, int dataLength) throws IOException {
        return writeBinary(null, data, dataLength);
    }

    private void placeholder(byte[] data) throws IOException {
        delegate.writeStartObject();
        delegate.writeBooleanField("_placeholder", true);
        delegate.writeNumberField("num", attachments.size());
        delegate.writeEndObject();
        attachments.add(data);
    }
}
