package dev.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppLoadParsingTest {

    @Test
    void readsTheStatusOfTheReplyEnvelope() {
        assertThat(AppLoad.status("[{\"status\":\"ok\",\"liked\":true,\"likes\":3}]")).isEqualTo("ok");
        assertThat(AppLoad.status("[{\"error\":\"no such tweet\", \"status\" : \"not_found\"}]")).isEqualTo("not_found");
        assertThat(AppLoad.status("[]")).isEqualTo("missing");
        assertThat(AppLoad.status(null)).isEqualTo("missing");
    }

    @Test
    void readsTheSendTimeMarkedInAPushedMessageOrTweet() {
        String push = "[\"message/send/to\",{\"_id\":\"63021602091fa84d91c8e9bf\",\"context\":{\"text\":\""
                + AppLoad.MARK + "123456789\"},\"seen_at\":null}]";
        assertThat(AppLoad.markedNanos(push)).isEqualTo(123456789L);
        assertThat(AppLoad.markedNanos("[\"tweet/new\",{\"context\":\"" + AppLoad.MARK + "-42 a tweet\"}]")).isEqualTo(-42L);
        assertThat(AppLoad.markedNanos("[\"tweet/new\",{\"context\":\"hello\"}]")).isEqualTo(-1L);
        assertThat(AppLoad.markedNanos("[\"tweet/new\",{\"context\":\"" + AppLoad.MARK + "x\"}]")).isEqualTo(-1L);
    }
}
