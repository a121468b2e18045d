package dev.switchboard.server.emit;

import dev.switchboard.engine.Namespace;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.server.db.SyncPoints;
import dev.switchboard.server.emit.message.unread.SendUnreadMessages;
import dev.switchboard.server.emit.story.SendAllStories;
import dev.switchboard.server.emit.tweet.SendTweetsByPagination;
import dev.switchboard.server.emit.user.chatList.SendChatList;
import dev.switchboard.server.moderation.RemovalNotice;
import dev.switchboard.server.moderation.SuspensionView;
import dev.switchboard.server.store.FollowRequestStore;
import dev.switchboard.server.store.MessageStore;
import dev.switchboard.server.store.Stores;
import dev.switchboard.server.view.FollowRequestView;
import dev.switchboard.server.view.MessageView;
import dev.switchboard.server.view.StorySummary;
import dev.switchboard.server.view.TweetSummary;
import dev.switchboard.server.visibility.Visibility;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every push of the main namespace, each beside its event name. A push goes by its audience: to the
 * connecting socket ({@link #onConnect()}, in that order; one {@link ConnectPush} class per event, placed
 * and named like a listener), to every socket of one user ({@link PushToUser}), or to the followers of
 * an owner ({@link PushToFollowers}).
 */
public record Emits(
        Emitter emitter,
        Map<String, ConnectPush> onConnect,
        PushToUser messageSendTo,
        PushToUser followRequestNew,
        PushToUser followRequestAccepted,
        PushToFollowers tweetNew,
        PushToFollowers storyNew,
        PushToUser userSuspended,
        PushToUser contentRemoved) {

    public static Emits create(Namespace main, Stores stores, Visibility visibility, SyncPoints syncPoints) {
        Emitter emitter = new Emitter(main, syncPoints);
        Map<String, ConnectPush> onConnect = new LinkedHashMap<>();
        onConnect.put("user/chatList/send/all", new SendChatList(stores.messages()));
        onConnect.put("message/unread/send/all", new SendUnreadMessages(stores.messages()));
        onConnect.put("story/send/all", new SendAllStories(stores.stories()));
        onConnect.put("tweet/send/byPagination", new SendTweetsByPagination(stores.tweets()));
        return new Emits(
                emitter,
                Collections.unmodifiableMap(onConnect),
                new PushToUser(emitter, "message/send/to", MessageStore.TO, MessageView::of),
                new PushToUser(emitter, "user/follow/request/new", FollowRequestStore.REQUEST_TO,
                        FollowRequestView::of),
                new PushToUser(emitter, "user/follow/request/accepted", FollowRequestStore.APPLICANT,
                        FollowRequestView::of),
                new PushToFollowers(emitter, visibility, "tweet/new", tweet -> TweetSummary.of(tweet, null)),
                new PushToFollowers(emitter, visibility, "story/new", story -> StorySummary.of(story, false)),
                new PushToUser(emitter, "user/suspended", "_id", SuspensionView::push),
                new PushToUser(emitter, "user/content/removed", RemovalNotice.OWNER, RemovalNotice::view));
    }

    /** @throws IllegalStateException when these pushes and the catalog's emits of {@code /} differ */
    public Emits checkAgainstCatalog() {
        List<String> names = names();
        Set<String> wired = new TreeSet<>(names);
        Set<String> catalog = new TreeSet<>();
        EventCatalog.emits(EventCatalog.MAIN).forEach(e -> catalog.add(e.name()));
        if (!wired.equals(catalog) || wired.size() != names.size()) {
            Set<String> missing = new TreeSet<>(catalog);
            missing.removeAll(wired);
            Set<String> extra = new TreeSet<>(wired);
            extra.removeAll(catalog);
            throw new IllegalStateException("pushes do not match the event catalog: not wired " + missing
                    + ", not in the catalog " + extra);
        }
        return this;
    }

    /** The event name of every push, connect pushes first. */
    public List<String> names() {
        List<String> names = new ArrayList<>(onConnect.keySet());
        for (Emit e : List.of(messageSendTo, followRequestNew, followRequestAccepted, tweetNew, storyNew,
                userSuspended, contentRemoved)) {
            names.add(e.event());
        }
        return names;
    }
}
