package dev.switchboard.server.mail;

/** Delivers a mail: over SMTP ({@link SmtpMailer}) or into the {@code outbox} collection ({@link OutboxMailer}). */
public interface Mailer {

    /** @throws Exception when the mail could not be handed over */
    void send(Mail mail) throws Exception;

    /** Where mails go, for the startup line. */
    String describe();
}
