package dev.switchboard.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListeningSocketsTest {

    @Test
    void picksTheInodeOfTheListeningSocketOnThatPortOnly() {
        List<String> table = List.of(
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 0100007F:0BB8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111 1",
                "   1: 0100007F:0BB8 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 222 1",
                "   2: 00000000:0BB9 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 333 1");
        assertThat(ListeningSockets.listeningInodes(table, 3000)).containsExactly("111");
        assertThat(ListeningSockets.listeningInodes(table, 3001)).containsExactly("333");
        assertThat(ListeningSockets.listeningInodes(table, 3002)).isEmpty();
    }

    @Test
    void findsThisProcessAsTheOneListening() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(ListeningSockets.pidListeningOn(ProcessHandle.current(), server.getLocalPort()))
                    .contains(ProcessHandle.current().pid());
        }
    }
}
