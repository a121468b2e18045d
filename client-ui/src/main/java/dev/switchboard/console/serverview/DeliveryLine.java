package dev.switchboard.console.serverview;

/** One user in a delivery explanation: did their sockets get the push, and if not, why. */
public record DeliveryLine(String userId, String username, int sockets, boolean received, String why) {

    public String user() {
        return username == null ? userId : username;
    }
}
