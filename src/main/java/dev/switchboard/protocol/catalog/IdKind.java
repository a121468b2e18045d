package dev.switchboard.protocol.catalog;

/** What an id argument names: tells the console which picker to offer. */
public enum IdKind {
    NONE, USER, TWEET, COMMENT, STORY, MESSAGE, SOCKET
}
