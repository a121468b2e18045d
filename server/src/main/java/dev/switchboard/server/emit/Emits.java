package dev.switchboard.server.emit;

import dev.switchboard.engine.Namespace;
import dev.switchboard.server.emit.message.SendMessageTo;
import dev.switchboard.server.emit.message.UnreadSendAll;
import dev.switchboard.server.emit.story.NewStoryPush;
import dev.switchboard.server.emit.story.SendAllStories;
import dev.switchboard.server.emit.tweet.NewTweetPush;
import dev.switchboard.server.emit.tweet.SendTweetsByPagination;
import dev.switchboard.server.emit.user.ChatListSendAll;
import dev.switchboard.server.emit.user.follow.FollowRequestAccepted;
import dev.switchboard.server.emit.user.follow.FollowRequestNew;
import dev.switchboard.server.store.Stores;
import dev.switchboard.server.visibility.Visibility;
import dev.switchboard.protocol.catalog.EventCatalog;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Every push of the main namespace. {@link #onConnect()} is the order of the connect pushes. */
public record Emits(
        Emitter emitter,
        ChatListSendAll chatList,
        UnreadSendAll unreadMessages,
        SendAllStories stories,
        SendTweetsByPagination homeTimeline,
        FollowRequestNew followRequestNew,
        FollowRequestAccepted followRequestAccepted,
        SendMessageTo messageSendTo,
        NewTweetPush tweetNew,
        NewStoryPush storyNew) {

    public static Emits create(Namespace main, Stores stores, Visibility visibility) {
        Emitter emitter = new Emitter(main);
        return new Emits(
                emitter,
                new ChatListSendAll(stores.messages()),
                new UnreadSendAll(stores.messages()),
                new SendAllStories(stores.stories()),
                new SendTweetsByPagination(stores.tweets()),
                new FollowRequestNew(emitter),
                new FollowRequestAccepted(emitter),
                new SendMessageTo(emitter),
                new NewTweetPush(emitter, visibility),
                new NewStoryPush(emitter, visibility));
    }

    /** Sent to each socket once its connection is admitted, in this order. */
    public List<ConnectPush> onConnect() {
        return List.of(chatList, unreadMessages, stories, homeTimeline);
    }

    /** @throws IllegalStateException when these classes and the catalog's emits of {@code /} differ */
    public Emits checkAgainstCatalog() {
        Set<String> classes = new TreeSet<>();
        all().forEach(e -> classes.add(e.event()));
        Set<String> catalog = new TreeSet<>();
        EventCatalog.emits(EventCatalog.MAIN).forEach(e -> catalog.add(e.name()));
        if (!classes.equals(catalog) || classes.size() != all().size()) {
            Set<String> missing = new TreeSet<>(catalog);
            missing.removeAll(classes);
            Set<String> extra = new TreeSet<>(classes);
            extra.removeAll(catalog);
            throw new IllegalStateException("emit classes do not match the event catalog: without a class "
                    + missing + ", not in the catalog " + extra);
        }
        return this;
    }

    public List<Emit> all() {
        return List.of(chatList, unreadMessages, stories, homeTimeline, followRequestNew, followRequestAccepted,
                messageSendTo, tweetNew, storyNew);
    }
}
