package dev.switchboard.protocol.catalog;

/**
 * One positional argument of a listener.
 *
 * @param defaultValue JSON text of the default used when left out, or null when there is none
 * @param example      JSON text showing a typical value (the console pre-fills object editors with it)
 * @param objectField  for {@link ArgType#TEXT_OR_OBJECT}: the field of the object form
 */
public record ArgSpec(
        String name,
        ArgType type,
        IdKind idOf,
        boolean optional,
        String defaultValue,
        int minLength,
        int maxLength,
        String objectField,
        String example,
        String description) {

    public static ArgSpec id(String name, IdKind kind, String description) {
        return new ArgSpec(name, ArgType.ID, kind, false, null, 0, 0, null, null, description);
    }

    public static ArgSpec optionalId(String name, IdKind kind, String description) {
        return new ArgSpec(name, ArgType.ID, kind, true, null, 0, 0, null, null, description);
    }

    public static ArgSpec idList(String name, IdKind kind, String description) {
        return new ArgSpec(name, ArgType.ID_LIST, kind, false, null, 0, 0, null, null, description);
    }

    public static ArgSpec page() {
        return new ArgSpec("page", ArgType.PAGE, IdKind.NONE, true, "1", 0, 0, null, null,
                "page number from 1");
    }

    public static ArgSpec text(String name, int min, int max, String description) {
        return new ArgSpec(name, ArgType.TEXT, IdKind.NONE, false, null, min, max, null, null, description);
    }

    public static ArgSpec optionalText(String name, int min, int max, String description) {
        return new ArgSpec(name, ArgType.TEXT, IdKind.NONE, true, null, min, max, null, null, description);
    }

    public static ArgSpec textOrObject(String name, String field, int min, int max, String description) {
        return new ArgSpec(name, ArgType.TEXT_OR_OBJECT, IdKind.NONE, false, null, min, max, field, null,
                description);
    }

    public static ArgSpec bool(String name, boolean optional, String defaultValue, String description) {
        return new ArgSpec(name, ArgType.BOOLEAN, IdKind.NONE, optional, defaultValue, 0, 0, null, null,
                description);
    }

    public static ArgSpec object(String name, String example, String description) {
        return new ArgSpec(name, ArgType.OBJECT, IdKind.NONE, false, null, 0, 0, null, example, description);
    }

    public static ArgSpec image(String name, String description) {
        return new ArgSpec(name, ArgType.IMAGE, IdKind.NONE, false, null, 0, 0, null, null, description);
    }

    public static ArgSpec optionalQuery(String name, String description) {
        return new ArgSpec(name, ArgType.TEXT, IdKind.NONE, true, null, 0, 100, null, null, description);
    }
}
