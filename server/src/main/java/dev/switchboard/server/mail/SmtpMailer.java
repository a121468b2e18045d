package dev.switchboard.server.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Sends mails to an SMTP server given as a URI: {@code smtp://[user:password@]host[:port][?from=address]}
 * (STARTTLS when the server offers it) or {@code smtps://…} (TLS from the start). The sender defaults to
 * {@code switchboard@<host>}.
 */
public final class SmtpMailer implements Mailer {

    private static final String TIMEOUT_MS = "10000";

    private final Session session;
    private final String user;
    private final String password;
    private final InternetAddress from;
    private final String where;

    public SmtpMailer(String uri) {
        URI parsed = URI.create(uri);
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
            throw new IllegalArgumentException("--smtp-uri must start with smtp:// or smtps://, not " + scheme + "://");
        }
        if (parsed.getHost() == null) {
            throw new IllegalArgumentException("--smtp-uri names no host: " + uri);
        }
        boolean tls = scheme.equals("smtps");
        int port = parsed.getPort() > 0 ? parsed.getPort() : tls ? 465 : 25;
        String userInfo = parsed.getRawUserInfo();
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        this.user = userInfo == null ? null : decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        this.password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        Properties props = new Properties();
        String p = "mail." + scheme + ".";
        props.put(p + "host", parsed.getHost());
        props.put(p + "port", String.valueOf(port));
        props.put(p + "auth", String.valueOf(user != null));
        props.put(p + "connectiontimeout", TIMEOUT_MS);
        props.put(p + "timeout", TIMEOUT_MS);
        props.put(p + "writetimeout", TIMEOUT_MS);
        if (!tls) {
            props.put("mail.smtp.starttls.enable", "true");
        }
        props.put("mail.transport.protocol", scheme);
        this.session = Session.getInstance(props);
        String fromParam = queryParam(parsed.getRawQuery(), "from");
        try {
            this.from = new InternetAddress(fromParam != null ? fromParam : "switchboard@" + parsed.getHost(), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("--smtp-uri has a from address that is not one: " + fromParam, e);
        }
        this.where = scheme + "://" + parsed.getHost() + ":" + port + (user == null ? "" : " as " + user);
    }

    @Override
    public void send(Mail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(mail.text(), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("X-Switchboard-Purpose", mail.purpose());
        if (user != null) {
            Transport.send(message, user, password);
        } else {
            Transport.send(message);
        }
    }

    @Override
    public String describe() {
        return where;
    }

    private static String queryParam(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && decode(pair.substring(0, eq)).equals(name)) {
                return decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
