package dev.switchboard.server.admin.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shortTextsAndIdsStayAsTheyAre() throws Exception {
        JsonNode args = JSON.readTree("[\"63021602091fa84d91c8e9bf\", 2, {\"context\": \"hello\"}]");
        assertThat(Summary.ofArgs("tweet/get/byPagination", List.of(args.get(0), args.get(1), args.get(2))))
                .isEqualTo(args);
    }

    @Test
    void wideAndDeepValuesAreShortened() throws Exception {
        JsonNode wide = JSON.valueToTree(java.util.stream.IntStream.range(0, 50).boxed().toList());
        JsonNode cut = Summary.of(wide);
        assertThat(cut).hasSize(Summary.MAX_ITEMS + 1);
        assertThat(cut.get(Summary.MAX_ITEMS).asText()).isEqualTo("[30 more]");
        JsonNode deep = JSON.readTree("{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":1}}}}}}");
        assertThat(Summary.of(deep).toString()).contains("[object]").doesNotContain("\"f\"");
    }

    @Test
    void longBase64IsTakenForAnImageWhereverItIs() throws Exception {
        String blob = "QUJD".repeat(40);
        JsonNode node = JSON.readTree("{\"anything\": \"" + blob + "\"}");
        assertThat(Summary.of(node).get("anything").asText()).isEqualTo("[image: 160 chars]");
    }
}
