package dev.switchboard.server.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.SplittableRandom;
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

    @Test
    void everyDateIsWrittenAsTheIsoFormatterWritesIt() {
        DateTimeFormatter iso = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        long year1 = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
        long year10000 = Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli();
        List<Long> edges = List.of(0L, -1L, 1L, 999L, -999L, -1000L, -1001L, year1, year1 - 1, year10000, year10000 - 1,
                Instant.parse("2024-02-29T23:59:59.999Z").toEpochMilli(), Long.MAX_VALUE / 1000, Long.MIN_VALUE / 1000);
        SplittableRandom random = new SplittableRandom(7);
        List<Long> all = new java.util.ArrayList<>(edges);
        for (int i = 0; i < 20_000; i++) {
            all.add(random.nextLong(year1 * 2, year10000 * 2));
        }
        for (long millis : all) {
            assertThat(JsonOut.date(new Date(millis))).as("%d ms", millis).isEqualTo(iso.format(Instant.ofEpochMilli(millis)));
            assertThat(JsonOut.date(Instant.ofEpochMilli(millis))).isEqualTo(iso.format(Instant.ofEpochMilli(millis)));
        }
        for (Instant far : List.of(Instant.parse("-5000-01-01T00:00:00Z"), Instant.parse("+200000-06-01T12:00:00.123Z"),
                Instant.ofEpochSecond(1, 999_999_999))) {
            assertThat(JsonOut.date(far)).isEqualTo(iso.format(far));
        }
    }
}
