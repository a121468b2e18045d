package dev.switchboard.server.mail;

/**
 * One mail of the accounts flow.
 *
 * @param purpose   {@code confirm_email} or {@code reset_password}
 * @param linkToken the single-use token the mail carries
 */
public record Mail(String to, String subject, String text, String purpose, String linkToken) {
}
