package dev.switchboard.server.mail;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mails one at a time off the request's thread, so an answer never waits on (or reveals, by its
 * timing) a mail server. At most 1,000 mails wait; beyond that, and when sending fails, the mail is
 * dropped with an error line (the user asks again).
 */
public final class MailQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailQueue.class);

    private final Mailer mailer;
    private final ExecutorService sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(1_000), r -> {
                Thread t = new Thread(r, "mail-sender");
                t.setDaemon(true);
                return t;
            }, (r, pool) -> LOG.error("Mail error: queue full, a mail was dropped"));

    public MailQueue(Mailer mailer) {
        this.mailer = mailer;
    }

    public void send(Mail mail) {
        sender.execute(() -> {
            try {
                mailer.send(mail);
            } catch (Exception e) {
                LOG.error("Mail error: {} to {} Error: {}", mail.purpose(), mail.to(), e.toString());
            }
        });
    }

    public String describe() {
        return mailer.describe();
    }

    /** Sends what is queued (up to 10 s), then stops. */
    @Override
    public void close() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(10, TimeUnit.SECONDS)) {
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sender.shutdownNow();
        }
    }
}
