package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SwitchboardServerUriTest {

    @Test
    void theMongoUriNamesTheDatabase() {
        assertThat(SwitchboardServer.withDatabaseName("mongodb://127.0.0.1:27018", "switchboard"))
                .isEqualTo("mongodb://127.0.0.1:27018/switchboard");
        assertThat(SwitchboardServer.withDatabaseName("mongodb://h:1/", "switchboard"))
                .isEqualTo("mongodb://h:1/switchboard");
        assertThat(SwitchboardServer.withDatabaseName("mongodb://h:1/app", "app")).isEqualTo("mongodb://h:1/app");
        assertThat(SwitchboardServer.withDatabaseName("mongodb://h:1/?replicaSet=r", "switchboard"))
                .isEqualTo("mongodb://h:1/switchboard?replicaSet=r");
        assertThat(SwitchboardServer.withDatabaseName("mongodb+srv://u:p@c.example.net?w=1", "switchboard"))
                .isEqualTo("mongodb+srv://u:p@c.example.net/switchboard?w=1");
    }
}
