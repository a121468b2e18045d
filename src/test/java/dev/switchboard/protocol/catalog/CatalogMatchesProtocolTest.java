package dev.switchboard.protocol.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/protocol.md and the catalog must name the same events with the same arguments. */
class CatalogMatchesProtocolTest {

    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-zA-Z]+(?:/[a-zA-Z]+)+)`\\s*\\|([^|]*)\\|");
    private static final Pattern TICKED = Pattern.compile("`([^`]*)`");

    @Test
    void protocolListsExactlyTheCatalogsListeners() throws IOException {
        Map<String, String> documented = listenerRows(ProtocolDocument.read());
        List<String> catalog = EventCatalog.all().stream().filter(EventSpec::isListener).map(EventSpec::name).toList();
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(catalog);
    }

    @Test
    void protocolListsExactlyTheCatalogsEmits() throws IOException {
        List<String> documented = emitNames(ProtocolDocument.read());
        List<String> catalog = EventCatalog.emits().stream().map(EventSpec::name).toList();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(catalog);
    }

    @Test
    void argumentsAgreeInOrderOptionalityAndDefault() throws IOException {
        Map<String, String> documented = listenerRows(ProtocolDocument.read());
        for (EventSpec spec : EventCatalog.all()) {
            if (!spec.isListener()) {
                continue;
            }
            List<String> expected = new ArrayList<>();
            for (ArgSpec a : spec.args()) {
                expected.add(a.name() + (a.optional() ? "?" : "")
                        + (a.optional() && a.defaultValue() != null ? "=" + a.defaultValue() : ""));
            }
            assertThat(documentedArgs(documented.get(spec.name())))
                    .as("arguments of %s", spec.name()).containsExactlyElementsOf(expected);
        }
    }

    /** Listener tables have an "arguments" column; emit tables a "to"/"payload" one. */
    private static Map<String, String> listenerRows(List<String> lines) {
        Map<String, String> rows = new LinkedHashMap<>();
        boolean listenerTable = false;
        for (String line : lines) {
            if (line.startsWith("| event | arguments")) {
                listenerTable = true;
            } else if (!line.startsWith("|")) {
                listenerTable = false;
            } else if (listenerTable) {
                Matcher m = ROW.matcher(line);
                if (m.find()) {
                    rows.put(m.group(1), m.group(2));
                }
            }
        }
        return rows;
    }

    private static List<String> emitNames(List<String> lines) {
        List<String> names = new ArrayList<>();
        boolean emitTable = false;
        for (String line : lines) {
            if (line.startsWith("| emit |")) {
                emitTable = true;
            } else if (!line.startsWith("|")) {
                emitTable = false;
            } else if (emitTable) {
                Matcher m = ROW.matcher(line);
                if (m.find() && !names.contains(m.group(1))) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    /** "`userId`, `page? = 1`" gives [userId, page?=1]; "`data: { to, ... }`" gives [data]; "none" gives []. */
    private static List<String> documentedArgs(String cell) {
        List<String> args = new ArrayList<>();
        Matcher m = TICKED.matcher(cell);
        while (m.find()) {
            String t = m.group(1).trim();
            if (t.isEmpty() || !Character.isLetter(t.charAt(0))) {
                continue;
            }
            int colon = t.indexOf(':');
            if (colon > 0) {
                t = t.substring(0, colon);
            }
            args.add(t.replace(" ", ""));
        }
        return args;
    }
}
