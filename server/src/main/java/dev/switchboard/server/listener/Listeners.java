package dev.switchboard.server.listener;

import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.listener.message.GetAllMessagesByPagination;
import dev.switchboard.server.listener.message.NewMessage;
import dev.switchboard.server.listener.message.SeenMessages;
import dev.switchboard.server.listener.story.DeleteStory;
import dev.switchboard.server.listener.story.photo.GetStoryPhoto;
import dev.switchboard.server.listener.story.NewStory;
import dev.switchboard.server.listener.tweet.AddTweet;
import dev.switchboard.server.listener.tweet.DeleteTweet;
import dev.switchboard.server.listener.tweet.GetTweetsByPagination;
import dev.switchboard.server.listener.tweet.comment.AddComment;
import dev.switchboard.server.listener.tweet.comment.DeleteComment;
import dev.switchboard.server.listener.tweet.comment.GetCommentsByPagination;
import dev.switchboard.server.listener.tweet.like.ToggleLike;
import dev.switchboard.server.listener.user.profile.GetProfile;
import dev.switchboard.server.listener.user.Unfollow;
import dev.switchboard.server.listener.user.block.GetAllBlocks;
import dev.switchboard.server.listener.user.block.ToggleBlock;
import dev.switchboard.server.listener.user.follow.request.AcceptFollowRequest;
import dev.switchboard.server.listener.user.follow.request.RejectFollowRequest;
import dev.switchboard.server.listener.user.follow.request.ToggleFollowRequest;
import dev.switchboard.server.listener.user.follower.GetAllFollowers;
import dev.switchboard.server.listener.user.following.GetAllFollowing;
import dev.switchboard.server.listener.user.following.request.GetAllFollowingRequests;
import dev.switchboard.server.listener.user.lastSeen.GetLastSeenArray;
import dev.switchboard.server.listener.user.publicity.GetPublicity;
import dev.switchboard.server.listener.user.publicity.TogglePublicity;

/**
 * Every listener of the main namespace, beside its event name. A listener's class lives in the package
 * of its event's segments before the verb, and its name starts with that verb: {@code tweet/like/toggle}
 * is {@code listener/tweet/like/ToggleLike}. To add one: add the event to the catalog, write its class
 * there, and wire it here; the server refuses to start while this list and the catalog differ.
 */
public final class Listeners {

    private Listeners() {
    }

    public static Routes<AppContext> all(AppContext app) {
        return new Routes<>(EventCatalog.MAIN, app)
                .on("message/get/all/byPagination", GetAllMessagesByPagination::new)
                .on("message/new", NewMessage::new)
                .on("message/seen", SeenMessages::new)
                .on("story/new", NewStory::new)
                .on("story/photo/get", GetStoryPhoto::new)
                .on("story/delete", DeleteStory::new)
                .on("tweet/add", AddTweet::new)
                .on("tweet/delete", DeleteTweet::new)
                .on("tweet/like/toggle", ToggleLike::new)
                .on("tweet/comment/add", AddComment::new)
                .on("tweet/comment/delete", DeleteComment::new)
                .on("tweet/comment/get/byPagination", GetCommentsByPagination::new)
                .on("tweet/get/byPagination", GetTweetsByPagination::new)
                .on("user/profile/get", GetProfile::new)
                .on("user/block/get/all", GetAllBlocks::new)
                .on("user/block/toggle", ToggleBlock::new)
                .on("user/follower/get/all", GetAllFollowers::new)
                .on("user/following/get/all", GetAllFollowing::new)
                .on("user/following/request/get/all", GetAllFollowingRequests::new)
                .on("user/follow/request/toggle", ToggleFollowRequest::new)
                .on("user/follow/request/accept", AcceptFollowRequest::new)
                .on("user/follow/request/reject", RejectFollowRequest::new)
                .on("user/unfollow", Unfollow::new)
                .on("user/lastSeen/get/array", GetLastSeenArray::new)
                .on("user/publicity/get", GetPublicity::new)
                .on("user/publicity/toggle", TogglePublicity::new);
    }
}
