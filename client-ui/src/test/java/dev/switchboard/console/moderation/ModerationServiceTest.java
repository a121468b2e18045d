package dev.switchboard.console.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.console.data.Directory;
import dev.switchboard.console.data.IdChoice;
import dev.switchboard.console.data.UserRef;
import dev.switchboard.protocol.catalog.IdKind;
import dev.switchboard.server.db.Database;
import dev.switchboard.server.db.EmbeddedMongo;
import dev.switchboard.server.fixture.CancellationToken;
import dev.switchboard.server.fixture.FixtureSpec;
import dev.switchboard.server.fixture.ProgressListener;
import dev.switchboard.server.fixture.Seeder;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The directory and moderation reads, against the embedded database seeded with the documented fixture. */
class ModerationServiceTest {

    private static final String JOHN = "63021602091fa84d91c8e9bf";
    private static final String RAMSAY = "62f69f02c4d8e5a7b3f1c922";

    private static EmbeddedMongo mongo;
    private static Database db;
    private static Directory directory;

    @BeforeAll
    static void seed() {
        mongo = EmbeddedMongo.start(null, "127.0.0.1", 0);
        db = Database.connect(mongo.uri() + "/console-test");
        Seeder.seed(FixtureSpec.documented(), db.mongo(), ProgressListener.NONE, new CancellationToken());
        directory = new Directory(db);
    }

    @AfterAll
    static void stop() {
        db.close();
        mongo.close();
    }

    @Test
    void usersAreFoundByUsernameNameOrEmailPrefixInAnyCase() {
        assertThat(directory.searchUsers("jhon", 10)).extracting(UserRef::fullName).containsExactly("john snow");
        assertThat(directory.searchUsers("JOHN", 10)).extracting(UserRef::id).containsExactly(JOHN);
        assertThat(directory.searchUsers("kia@", 10)).extracting(UserRef::username).containsExactly("kiarashatri");
        assertThat(directory.searchUsers(JOHN, 10)).extracting(UserRef::username).containsExactly("jhonsnow");
        assertThat(directory.searchUsers("", 10)).hasSize(5);
        assertThat(directory.searchUsers("(.*", 10)).isEmpty();
    }

    @Test
    void pickersOfferTweetsAndMessagesWithReadableLabels() {
        assertThat(directory.choices(IdKind.TWEET, "", 10)).extracting(IdChoice::label)
                .containsExactly("aryastark: im tweeting! brah");
        assertThat(directory.choices(IdKind.MESSAGE, "hi this", 10)).extracting(IdChoice::label)
                .containsExactly("jhonsnow: hi this is test");
        assertThat(directory.userExists(JOHN)).isTrue();
        assertThat(directory.userExists("000000000000000000000000")).isFalse();
    }

    @Test
    void oneUsersBlocksFollowsAndRequestsComeWithUsernamesAndDates() {
        UserDetail john = new ModerationService(directory).detail(JOHN);

        assertThat(john.user().username()).isEqualTo("jhonsnow");
        assertThat(john.blocks()).extracting(Relation::username).containsExactly("ramsaybolton");
        assertThat(john.blocks().get(0).at()).isEqualTo(Instant.parse("2022-08-21T11:28:00Z"));
        assertThat(john.following()).extracting(Relation::username)
                .containsExactlyInAnyOrder("kiarashatri", "aryastark", "sansastark");
        assertThat(john.followers()).extracting(Relation::username).containsExactly("kiarashatri");
        assertThat(john.requestsIn()).extracting(Relation::username).containsExactly("sansastark");
        assertThat(john.requestsIn().get(0).at()).isEqualTo(Instant.parse("2022-08-21T11:40:00Z"));
        assertThat(john.requestsOut()).isEmpty();
        assertThat(john.blockedBy()).isEmpty();
    }

    @Test
    void whoBlocksAUserIsFoundFromTheOtherSide() {
        UserDetail ramsay = new ModerationService(directory).detail(RAMSAY);
        assertThat(ramsay.blockedBy()).extracting(Relation::username)
                .containsExactly("jhonsnow", "kiarashatri"); // newest first
        assertThat(ramsay.blocks()).isEmpty();
    }

    @Test
    void anUnknownOrMalformedIdIsExplained() {
        var service = new ModerationService(directory);
        assertThatThrownBy(() -> service.detail("000000000000000000000000")).hasMessageContaining("no user with id");
        assertThatThrownBy(() -> service.detail("jhonsnow")).hasMessageContaining("not a 24-hex-digit user id");
    }
}
