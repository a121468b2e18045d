package dev.switchboard.server.mail;

import dev.switchboard.server.store.OutboxStore;
import java.time.Clock;
import java.util.Date;

/** With no SMTP server configured: every mail is stored in the {@code outbox} collection instead. */
public final class OutboxMailer implements Mailer {

    private final OutboxStore outbox;
    private final Clock clock;

    public OutboxMailer(OutboxStore outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void send(Mail mail) {
        outbox.insert(mail.to(), mail.subject(), mail.text(), mail.purpose(), mail.linkToken(), new Date(clock.millis()));
    }

    @Override
    public String describe() {
        return "the outbox collection (no --smtp-uri)";
    }
}
