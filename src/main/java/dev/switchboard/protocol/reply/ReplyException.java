package dev.switchboard.protocol.reply;

/** A failure a listener answers with: becomes {@code { status: CODE, error: message }}. */
public class ReplyException extends RuntimeException {

    private final ReplyStatus status;

    public ReplyException(ReplyStatus status, String message) {
        super(message, null, false, false);
        if (status == ReplyStatus.OK) {
            throw new IllegalArgumentException("a failure cannot have status ok");
        }
        this.status = status;
    }

    public ReplyStatus status() {
        return status;
    }

    public static ReplyException invalidArgument(String message) {
        return new ReplyException(ReplyStatus.INVALID_ARGUMENT, message);
    }

    public static ReplyException notFound(String message) {
        return new ReplyException(ReplyStatus.NOT_FOUND, message);
    }

    public static ReplyException forbidden(String message) {
        return new ReplyException(ReplyStatus.FORBIDDEN, message);
    }

    public static ReplyException conflict(String message) {
        return new ReplyException(ReplyStatus.CONFLICT, message);
    }

    public static ReplyException tooLarge(String message) {
        return new ReplyException(ReplyStatus.TOO_LARGE, message);
    }
}
