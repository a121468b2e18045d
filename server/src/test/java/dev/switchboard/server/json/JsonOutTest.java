package dev.switchboard.server.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class JsonOutTest {

    @Test
    void idsAndDatesTakeTheirWireForm() {
        Document doc = new Document("_id", new ObjectId("63021602091fa84d91c8e9bf"))
                .append("sent_at", new Date(1_660_756_537_718L))
                .append("whole_second", new Date(1_660_756_537_000L))
                .append("likes", List.of(new ObjectId("62fbb1a596ac46dda02af592")))
                .append("nested", new Document("at", new Date(0)).append("n", 3L))
                .append("nothing", null);
        assertThat(JsonOut.of(doc).toString()).isEqualTo("{\"_id\":\"63021602091fa84d91c8e9bf\","
                + "\"sent_at\":\"2022-08-17T17:15:37.718Z\",\"whole_second\":\"2022-08-17T17:15:37.000Z\","
                + "\"likes\":[\"62fbb1a596ac46dda02af592\"],\"nested\":{\"at\":\"1970-01-01T00:00:00.000Z\",\"n\":3},"
                + "\"nothing\":null}");
    }
}
