package dev.switchboard.console.accounts;

import dev.switchboard.server.db.Database;
import dev.switchboard.server.store.OutboxStore;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** One mail of the {@code outbox} collection (what the server keeps when it has no SMTP server). */
public record OutboxMail(String to, String subject, String text, String purpose, String linkToken, Date sentAt) {

    public static List<OutboxMail> latest(Database db, int limit) {
        return new OutboxStore(db.collection(OutboxStore.COLLECTION)).latest(null, limit).stream()
                .map(OutboxMail::of).toList();
    }

    private static OutboxMail of(Document d) {
        return new OutboxMail(d.getString(OutboxStore.TO), d.getString(OutboxStore.SUBJECT), d.getString(OutboxStore.TEXT),
                d.getString(OutboxStore.PURPOSE), d.getString(OutboxStore.LINK_TOKEN), d.getDate(OutboxStore.SENT_AT));
    }

    public boolean confirmsEmail() {
        return "confirm_email".equals(purpose);
    }
}
