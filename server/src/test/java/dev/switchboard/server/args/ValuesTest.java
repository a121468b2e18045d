package dev.switchboard.server.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.protocol.reply.ReplyStatus;
import java.util.List;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class ValuesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ReplyStatus statusOf(Runnable r) {
        try {
            r.run();
            return ReplyStatus.OK;
        } catch (ReplyException e) {
            return e.status();
        }
    }

    @Test
    void idsAre24HexStringsOnly() {
        assertThat(Values.id(json("\"63021602091fa84d91c8e9bf\""), "userId", false))
                .isEqualTo(new ObjectId("63021602091fa84d91c8e9bf"));
        for (String bad : List.of("{\"$ne\":null}", "1", "\"abc\"", "[\"63021602091fa84d91c8e9bf\"]", "true",
                "\"63021602091fa84d91c8e9bg\"", "\" 63021602091fa84d91c8e9bf\"")) {
            assertThatThrownBy(() -> Values.id(json(bad), "userId", false)).isInstanceOf(ReplyException.class)
                    .hasMessageContaining("userId must be a 24-hex-digit id");
        }
        assertThat(Values.id(null, "userId", true)).isNull();
        assertThat(Values.id(json("null"), "userId", true)).isNull();
        assertThatThrownBy(() -> Values.id(json("null"), "userId", false)).hasMessageContaining("userId is required");
    }

    @Test
    void pagesAreWholeNumbersFromOne() {
        assertThat(Values.page(null, "page")).isEqualTo(1);
        assertThat(Values.page(json("null"), "page")).isEqualTo(1);
        assertThat(Values.page(json("3"), "page")).isEqualTo(3);
        assertThat(Values.page(json("3.0"), "page")).isEqualTo(3);
        for (String bad : List.of("0", "-2", "1.5", "\"1\"", "{}", "1e12")) {
            assertThat(statusOf(() -> Values.page(json(bad), "page"))).as(bad).isEqualTo(ReplyStatus.INVALID_ARGUMENT);
        }
    }

    @Test
    void textsAreTrimmedAndCountedInCharacters() {
        assertThat(Values.text(json("\"  hi  \""), "t", 1, 3, false)).isEqualTo("hi");
        assertThat(Values.text(json("\"😀😀😀\""), "t", 1, 3, false)).isEqualTo("😀😀😀");
        assertThat(statusOf(() -> Values.text(json("\"abcd\""), "t", 1, 3, false)))
                .isEqualTo(ReplyStatus.INVALID_ARGUMENT);
        assertThat(statusOf(() -> Values.text(json("\"   \""), "t", 1, 3, false))).isEqualTo(ReplyStatus.INVALID_ARGUMENT);
        assertThat(statusOf(() -> Values.text(json("5"), "t", 1, 3, false))).isEqualTo(ReplyStatus.INVALID_ARGUMENT);
    }

    @Test
    void imagesAreBase64WithinTheLimit() {
        assertThat(Values.image(json("\"aGVsbG8=\""), "img", 5, false)).isEqualTo("aGVsbG8=");
        assertThat(statusOf(() -> Values.image(json("\"aGVsbG8h\""), "img", 5, false))).isEqualTo(ReplyStatus.TOO_LARGE);
        assertThat(statusOf(() -> Values.image(json("\"aGVsbG8\""), "img", 50, false)))
                .isEqualTo(ReplyStatus.INVALID_ARGUMENT);
        assertThat(statusOf(() -> Values.image(json("\"a*==\""), "img", 50, false)))
                .isEqualTo(ReplyStatus.INVALID_ARGUMENT);
        String huge = "\"" + "A".repeat(4000) + "\"";
        assertThat(statusOf(() -> Values.image(json(huge), "img", 100, false))).isEqualTo(ReplyStatus.TOO_LARGE);
    }

    @Test
    void theParserAppliesCatalogDefaultsAndIgnoresExtraArguments() {
        ArgParser parser = new ArgParser(1000);
        Args args = parser.parse(EventCatalog.require("user/follow/request/toggle"),
                List.of(json("\"63021602091fa84d91c8e9bf\"")));
        assertThat(args.bool("insert")).isTrue();
        Args withExtra = parser.parse(EventCatalog.require("tweet/get/byPagination"),
                List.of(json("\"63021602091fa84d91c8e9bf\""), json("2"), json("\"extra\"")));
        assertThat(withExtra.page()).isEqualTo(2);
        Args object = parser.parse(EventCatalog.require("tweet/add"), List.of(json("{\"context\":\" x \",\"owner\":1}")));
        assertThat(object.text("tweetContext")).isEqualTo("x");
    }
}
