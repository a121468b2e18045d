package dev.switchboard.server.listener;

import dev.switchboard.server.AppContext;
import dev.switchboard.server.listener.message.GetAllMessagesByPagination;
import dev.switchboard.server.listener.message.NewMessage;
import dev.switchboard.server.listener.message.SeenMessages;
import dev.switchboard.server.listener.story.DeleteStory;
import dev.switchboard.server.listener.story.GetStoryPhoto;
import dev.switchboard.server.listener.story.NewStory;
import dev.switchboard.server.listener.tweet.AddTweet;
import dev.switchboard.server.listener.tweet.DeleteTweet;
import dev.switchboard.server.listener.tweet.GetTweetsByPagination;
import dev.switchboard.server.listener.tweet.comment.AddComment;
import dev.switchboard.server.listener.tweet.comment.DeleteComment;
import dev.switchboard.server.listener.tweet.comment.GetCommentsByPagination;
import dev.switchboard.server.listener.tweet.like.ToggleLike;
import dev.switchboard.server.listener.user.GetProfile;
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
import java.util.List;

/**
 * Every listener of the main namespace. To add one: add the event to the catalog, write its class
 * under the package named after the event, and add it here; the dispatcher refuses to start when
 * this list and the catalog differ.
 */
public final class Listeners {

    private Listeners() {
    }

    public static List<Listener> all(AppContext app) {
        return List.of(
                new GetAllMessagesByPagination(app),
                new NewMessage(app),
                new SeenMessages(app),
                new NewStory(app),
                new GetStoryPhoto(app),
                new DeleteStory(app),
                new AddTweet(app),
                new DeleteTweet(app),
                new ToggleLike(app),
                new AddComment(app),
                new DeleteComment(app),
                new GetCommentsByPagination(app),
                new GetTweetsByPagination(app),
                new GetProfile(app),
                new GetAllBlocks(app),
                new ToggleBlock(app),
                new GetAllFollowers(app),
                new GetAllFollowing(app),
                new GetAllFollowingRequests(app),
                new ToggleFollowRequest(app),
                new AcceptFollowRequest(app),
                new RejectFollowRequest(app),
                new Unfollow(app),
                new GetLastSeenArray(app),
                new GetPublicity(app),
                new TogglePublicity(app));
    }
}
