package dev.switchboard.engine.internal.sio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** The arguments of a received packet: a read-only view of its JSON array from a position on, made without copying. */
final class ArgumentList extends AbstractList<JsonNode> implements RandomAccess {

    private final JsonNode array;
    private final int from;

    private ArgumentList(JsonNode array, int from) {
        this.array = array;
        this.from = from;
    }

    /** The elements of {@code array} from index {@code from} on. */
    static List<JsonNode> of(JsonNode array, int from) {
        return array.size() <= from ? List.of() : new ArgumentList(array, from);
    }

    @Override
    public JsonNode get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        return array.get(from + index);
    }

    @Override
    public int size() {
        return array.size() - from;
    }

    /** Without an iterator: handlers pass their arguments on as an array ({@code ack().send(args().toArray())}). */
    @Override
    public Object[] toArray() {
        Object[] copy = new Object[size()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = array.get(from + i);
        }
        return copy;
    }
}
