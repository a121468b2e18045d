package dev.switchboard.console.fire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.console.core.Json;
import dev.switchboard.protocol.catalog.EventCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreparedArgsTest {

    private static final String KIA = "62fc0c0c2b83bd50cb5fef05";

    private static List<ArgInput> form(String event) {
        return EventCatalog.require(event).args().stream().map(ArgInput::new).toList();
    }

    @Test
    void anOptionalArgumentLeftOutAtTheEndIsNotSent() {
        List<ArgInput> inputs = form("tweet/get/byPagination");
        inputs.get(0).setText(KIA);

        PreparedArgs p = PreparedArgs.from(inputs);

        assertThat(p.sendable()).isTrue();
        assertThat(Json.compact(Json.valueOf(p.args()))).isEqualTo("[\"" + KIA + "\"]");
    }

    @Test
    void anIncludedPageIsSentAsANumber() {
        List<ArgInput> inputs = form("tweet/get/byPagination");
        inputs.get(0).setText(KIA);
        inputs.get(1).setIncluded(true);
        inputs.get(1).setText("3");

        assertThat(Json.compact(Json.valueOf(PreparedArgs.from(inputs).args()))).isEqualTo("[\"" + KIA + "\",3]");
    }

    @Test
    void anOptionalArgumentLeftOutBeforeAnIncludedOneIsSentAsNull() {
        List<ArgInput> inputs = form("tweet/comment/add");
        inputs.get(0).setText(KIA);
        inputs.get(1).setText("nice");
        assertThat(PreparedArgs.from(inputs).args()).hasSize(2);

        inputs.get(2).setIncluded(true);
        inputs.get(2).setText(KIA);
        assertThat(Json.compact(Json.valueOf(PreparedArgs.from(inputs).args())))
                .isEqualTo("[\"" + KIA + "\",\"nice\",\"" + KIA + "\"]");
    }

    @Test
    void requiredArgumentsCannotBeLeftOut() {
        ArgInput userId = form("message/seen").get(0);
        userId.setIncluded(false);
        assertThat(userId.included()).isTrue();
        assertThat(PreparedArgs.from(List.of(userId)).errors()).containsExactly("userId: pick or type an id");
    }

    @Test
    void theObjectEditorStartsWithTheCatalogExampleAndRejectsBrokenJson() {
        ArgInput data = form("message/new").get(0);
        assertThat(data.value().node().path("context").path("text").asText()).isEqualTo("hi");

        data.setText("{\"to\": ");
        PreparedArgs p = PreparedArgs.from(List.of(data));
        assertThat(p.sendable()).isFalse();
        assertThat(p.errors().get(0)).isEqualTo("data: invalid JSON at 1:8: the text ends too early");
    }

    @Test
    void badButSendableInputIsWarnedAboutAndStillSent() {
        ArgInput userId = form("message/seen").get(0);
        userId.setText("{\"$ne\": null}");
        PreparedArgs p = PreparedArgs.from(List.of(userId));
        assertThat(p.sendable()).isTrue();
        assertThat(p.warnings()).containsExactly("userId: not a 24-hex-digit id: expect invalid_argument");

        ArgInput context = form("tweet/add").get(0);
        context.setText("x".repeat(300));
        assertThat(context.value().warning()).isEqualTo("300 characters, more than 280: expect invalid_argument");
    }

    @Test
    void aPageMustBeAWholeNumber() {
        ArgInput page = form("tweet/get/byPagination").get(1);
        page.setIncluded(true);
        page.setText("two");
        assertThat(page.value().error()).isEqualTo("\"two\" is not a whole number");
    }

    @Test
    void textOrObjectCanBeSentInItsObjectForm() {
        ArgInput tweet = form("tweet/add").get(0);
        tweet.setText("hello");
        assertThat(Json.compact(tweet.value().node())).isEqualTo("\"hello\"");
        tweet.setObjectMode(true);
        assertThat(Json.compact(tweet.value().node())).isEqualTo("{\"context\":\"hello\"}");
    }

    @Test
    void idListsAcceptCommasOrAJsonArray() {
        ArgInput ids = form("user/lastSeen/get/array").get(0);
        ids.setText(KIA + ", 63021602091fa84d91c8e9bf");
        assertThat(ids.value().node()).hasSize(2);
        ids.setText("[\"" + KIA + "\"]");
        assertThat(Json.compact(ids.value().node())).isEqualTo("[\"" + KIA + "\"]");
    }

    @Test
    void booleansDefaultFromTheCatalog() {
        ArgInput insert = form("user/follow/request/toggle").get(1);
        assertThat(insert.bool()).isTrue();
        insert.setIncluded(true);
        assertThat(insert.value().node().booleanValue()).isTrue();
    }

    @Test
    void loadingAValuePutsItBackIntoTheField() {
        ArgInput tweet = form("tweet/add").get(0);
        tweet.load(Json.NODES.objectNode().put("context", "again"));
        assertThat(tweet.objectMode()).isTrue();
        assertThat(tweet.text()).isEqualTo("again");
        assertThat(Json.compact(tweet.value().node())).isEqualTo("{\"context\":\"again\"}");
    }
}
