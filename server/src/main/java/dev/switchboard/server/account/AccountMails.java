package dev.switchboard.server.account;

import dev.switchboard.server.mail.Mail;

/** The words of the two account mails; each carries its single-use token and says what to do with it. */
public final class AccountMails {

    private AccountMails() {
    }

    public static Mail confirmation(String to, String name, String token) {
        String purpose = AccountTokens.Purpose.CONFIRM_EMAIL.stored();
        return new Mail(to, "Confirm your Switchboard email",
                "Hello " + name + ",\n\n"
                        + "confirm this email address with the code below; the app sends it to POST /confirm_email"
                        + " as {\"token\": \"<code>\"}. It works once, within "
                        + AccountTokens.Purpose.CONFIRM_EMAIL.ttl().toHours() + " hours.\n\n"
                        + token + "\n\n"
                        + "If you did not register, ignore this mail.\n",
                purpose, token);
    }

    public static Mail passwordReset(String to, String name, String token) {
        String purpose = AccountTokens.Purpose.RESET_PASSWORD.stored();
        return new Mail(to, "Reset your Switchboard password",
                "Hello " + name + ",\n\n"
                        + "someone asked to reset the password of this account. To choose a new one, the app sends the"
                        + " code below to POST /change_password as {\"token\": \"<code>\", \"password\": \"<new>\"}."
                        + " It works once, within " + AccountTokens.Purpose.RESET_PASSWORD.ttl().toMinutes()
                        + " minutes, and signs out every session of the account.\n\n"
                        + token + "\n\n"
                        + "If it was not you, ignore this mail: the password stays as it is.\n",
                purpose, token);
    }
}
