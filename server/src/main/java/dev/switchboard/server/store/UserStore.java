package dev.switchboard.server.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.switchboard.server.store.cache.KeyedReads;
import dev.switchboard.server.store.cache.OwnWrite;
import dev.switchboard.server.store.derived.InverseListStore;
import dev.switchboard.server.store.derived.KeyedLocks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The {@code users} collection: {@code name, family, username (unique), hashPassword, email (unique,
 * lower-case), phone, photo, biography, last_seen, register_at, email_confirmation,
 * following: [{ id, added_at }], block: [{ id, blocked_at }], setting: { publicity? }}.
 */
public final class UserStore {

    public static final String COLLECTION = "users";
    public static final String NAME = "name";
    public static final String FAMILY = "family";
    public static final String USERNAME = "username";
    public static final String HASH_PASSWORD = "hashPassword";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String PHOTO = "photo";
    public static final String BIOGRAPHY = "biography";
    public static final String LAST_SEEN = "last_seen";
    public static final String REGISTER_AT = "register_at";
    public static final String EMAIL_CONFIRMATION = "email_confirmation";
    public static final String FOLLOWING = "following";
    public static final String BLOCK = "block";
    public static final String SETTING = "setting";
    public static final String PUBLICITY = "publicity";
    /** Inside {@code following[]} and {@code block[]}. */
    public static final String ID = "id";
    public static final String ADDED_AT = "added_at";
    public static final String BLOCKED_AT = "blocked_at";

    private final MongoCollection<Document> users;
    private final InverseListStore followers;
    private final InverseListStore blockers;
    /** A user's following or block list and the other users' inverse lists change together, per user. */
    private final KeyedLocks locks = new KeyedLocks(256);
    private final KeyedReads reads;

    public UserStore(MongoCollection<Document> users, InverseListStore followers, InverseListStore blockers,
                     KeyedReads reads) {
        this.users = users;
        this.reads = reads;
        this.followers = followers;
        this.blockers = blockers;
    }

    /** Who follows whom, inverted: {@code followers}. */
    public InverseListStore followers() {
        return followers;
    }

    /** Who blocks whom, inverted: {@code blockers}. */
    public InverseListStore blockers() {
        return blockers;
    }

    public MongoCollection<Document> collection() {
        return users;
    }

    public void ensureIndexes() {
        users.createIndex(Indexes.ascending(USERNAME), new IndexOptions().unique(true).name("username_unique"));
        users.createIndex(Indexes.ascending(EMAIL), new IndexOptions().unique(true).name("email_unique"));
        users.createIndex(Indexes.ascending(FOLLOWING + "." + ID), new IndexOptions().name("following_id"));
        users.createIndex(Indexes.ascending(BLOCK + "." + ID), new IndexOptions().name("block_id"));
        users.createIndex(Indexes.ascending(NAME), new IndexOptions().name("name"));
    }

    /**
     * Stores a user document as given (an {@code _id} is added when missing); returns its id. Entries it
     * already has in {@code following} and {@code block} go into the other users' inverse lists.
     */
    public ObjectId insert(Document user) {
        if (user.get("_id") == null) {
            user.put("_id", new ObjectId());
        }
        users.insertOne(user);
        ObjectId id = user.getObjectId("_id");
        for (Document e : entries(user, FOLLOWING)) {
            followers.add(e.getObjectId(ID), id, e.getDate(ADDED_AT));
        }
        for (Document e : entries(user, BLOCK)) {
            blockers.add(e.getObjectId(ID), id, e.getDate(BLOCKED_AT));
        }
        return id;
    }

    public Optional<Document> findById(ObjectId id) {
        return reads.byId(users, id);
    }

    /** Only the chosen fields (and {@code _id}) of that user: cheaper to read and to ship than the whole document. */
    public Optional<Document> findById(ObjectId id, String... fields) {
        return reads.byId(users, id, fields);
    }

    public boolean exists(ObjectId id) {
        return reads.byId(users, id).isPresent();
    }

    /** The users with these ids, keyed by id, in the order asked (missing ones left out). */
    public Map<ObjectId, Document> findByIds(Collection<ObjectId> ids) {
        Map<ObjectId, Document> found = new LinkedHashMap<>();
        reads.byIds(users, ids).forEach((id, d) -> found.put((ObjectId) id, d));
        return found;
    }

    public Optional<Document> findByUsername(String username) {
        return Optional.ofNullable(users.find(eq(USERNAME, username)).first());
    }

    /** Users whose username, name or email starts with {@code prefix} (case-insensitive), by username. */
    public List<Document> search(String prefix, int skip, int limit) {
        var filter = prefix == null || prefix.isBlank()
                ? new Document()
                : or(regex(USERNAME, startsWith(prefix)), regex(NAME, startsWith(prefix)),
                        regex(EMAIL, startsWith(prefix)));
        return users.find(filter).sort(Sorts.ascending(USERNAME)).skip(skip).limit(limit).into(new ArrayList<>());
    }

    public List<Document> search(String prefix, int limit) {
        return search(prefix, 0, limit);
    }

    private static Pattern startsWith(String prefix) {
        return Pattern.compile("^" + Pattern.quote(prefix.trim()), Pattern.CASE_INSENSITIVE);
    }

    /** The users that follow {@code userId}: [{ id, added_at }] as in their {@code following}, oldest first. */
    public List<Document> followerEntries(ObjectId userId) {
        return followers.entries(userId);
    }

    public long countFollowers(ObjectId userId) {
        return followers.entries(userId).size();
    }

    /** The users that block {@code userId}, whole, in the order they blocked. */
    public List<Document> blockersOf(ObjectId userId) {
        return new ArrayList<>(findByIds(blockerIds(userId)).values());
    }

    /** The ids of the users that block {@code userId}. */
    public List<ObjectId> blockerIds(ObjectId userId) {
        return blockers.ids(userId);
    }

    /** Adds {@code other} to {@code me}'s following unless already there; true when added. */
    public boolean follow(ObjectId me, ObjectId other, Date at) {
        return locks.with(me, () -> {
            boolean added = users.updateOne(and(eq("_id", me), ne(FOLLOWING + "." + ID, other)),
                    Updates.push(FOLLOWING, new Document(ID, other).append(ADDED_AT, at))).getModifiedCount() > 0;
            if (added) {
                followers.add(other, me, at);
            }
            return added;
        });
    }

    /** True when {@code other} was in {@code me}'s following. */
    public boolean unfollow(ObjectId me, ObjectId other) {
        return locks.with(me, () -> {
            boolean removed = users.updateOne(eq("_id", me), Updates.pull(FOLLOWING, new Document(ID, other)))
                    .getModifiedCount() > 0;
            if (removed) {
                followers.remove(other, me);
            }
            return removed;
        });
    }

    /** Adds {@code other} to {@code me}'s block list unless already there; true when added. */
    public boolean block(ObjectId me, ObjectId other, Date at) {
        return locks.with(me, () -> {
            boolean added = users.updateOne(and(eq("_id", me), ne(BLOCK + "." + ID, other)),
                    Updates.push(BLOCK, new Document(ID, other).append(BLOCKED_AT, at))).getModifiedCount() > 0;
            if (added) {
                blockers.add(other, me, at);
            }
            return added;
        });
    }

    public boolean unblock(ObjectId me, ObjectId other) {
        return locks.with(me, () -> {
            boolean removed = users.updateOne(eq("_id", me), Updates.pull(BLOCK, new Document(ID, other)))
                    .getModifiedCount() > 0;
            if (removed) {
                blockers.remove(other, me);
            }
            return removed;
        });
    }

    /**
     * Blocks {@code other} when {@code me} does not block them, else unblocks: one atomic step per attempt
     * (the unblock is one {@code $pull} that reports what it removed, the block one conditional {@code $push}),
     * retried when a concurrent toggle on another node changed the list in between. So concurrent toggles each
     * flip the state once, and their answers, in the order their updates applied, alternate. Returns true when
     * now blocked. On this node toggles of one user also run one at a time, with their blockers update.
     */
    public boolean toggleBlock(ObjectId me, ObjectId other, Date at) {
        return locks.with(me, () -> toggleBlockLocked(me, other, at));
    }

    private boolean toggleBlockLocked(ObjectId me, ObjectId other, Date at) {
        while (true) {
            Document before = users.findOneAndUpdate(eq("_id", me), Updates.pull(BLOCK, new Document(ID, other)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE)
                            .projection(Projections.include(BLOCK + "." + ID)));
            if (before == null) {
                throw new IllegalStateException("user " + me.toHexString() + " does not exist");
            }
            if (blocks(before, other)) {
                blockers.remove(other, me);
                return false;
            }
            if (block(me, other, at)) {
                return true;
            }
        }
    }

    public void setPublicity(ObjectId me, boolean isPublic) {
        set(me, SETTING + "." + PUBLICITY, isPublic);
    }

    /** Written as a user's last socket goes; the cache keeps the user with it, so their next connect reads nothing. */
    public void setLastSeen(ObjectId me, Date at) {
        set(me, LAST_SEEN, at);
    }

    private void set(ObjectId user, String path, Object value) {
        OwnWrite write = reads.beforeWrite(users, user);
        if (users.updateOne(eq("_id", user), Updates.set(path, value)).getMatchedCount() == 1) {
            write.wroteSet(path, value);
        }
    }

    // accounts (POST /register, /login, /confirm_email, /change_password)

    /** The user with that email (stored lower-case). */
    public Optional<Document> findByEmail(String email) {
        return Optional.ofNullable(users.find(eq(EMAIL, email)).first());
    }

    /**
     * Whether a username is taken, ignoring case (usernames registered over HTTP are stored lower-case,
     * older ones may not be).
     */
    public boolean usernameTakenIgnoringCase(String username) {
        return users.countDocuments(regex(USERNAME, "^" + Pattern.quote(username) + "$", "i")) > 0;
    }

    public void setPassword(ObjectId id, String hash) {
        users.updateOne(eq("_id", id), Updates.set(HASH_PASSWORD, hash));
    }

    /** Marks the email confirmed at {@code at}; false when the user no longer exists. */
    public boolean confirmEmail(ObjectId id, Date at) {
        return users.updateOne(eq("_id", id), Updates.set(EMAIL_CONFIRMATION, at)).getMatchedCount() > 0;
    }

    public long count() {
        return users.countDocuments();
    }

    // --- reading a user document ---

    /** The entries of {@code following} or {@code block}: [{ id, added_at | blocked_at }]. */
    public static List<Document> entries(Document user, String arrayField) {
        List<Document> list = user.getList(arrayField, Document.class);
        return list == null ? List.of() : list;
    }

    public static boolean isPublic(Document user) {
        Document setting = user.get(SETTING, Document.class);
        return setting != null && Boolean.TRUE.equals(setting.get(PUBLICITY));
    }

    public static boolean follows(Document user, ObjectId other) {
        return contains(user, FOLLOWING, other);
    }

    public static boolean blocks(Document user, ObjectId other) {
        return contains(user, BLOCK, other);
    }

    public static List<ObjectId> followingIds(Document user) {
        List<ObjectId> ids = new ArrayList<>();
        for (Document e : entries(user, FOLLOWING)) {
            if (e.get(ID) instanceof ObjectId id) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static boolean contains(Document user, String arrayField, ObjectId other) {
        for (Document e : entries(user, arrayField)) {
            if (other.equals(e.get(ID))) {
                return true;
            }
        }
        return false;
    }

    /** The entry for {@code other} in {@code arrayField}, if any. */
    public static Optional<Document> entry(Document user, String arrayField, ObjectId other) {
        for (Document e : entries(user, arrayField)) {
            if (other.equals(e.get(ID))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
