package dev.switchboard.console.ui;

import dev.switchboard.console.data.IdChoice;
import dev.switchboard.protocol.catalog.IdKind;
import java.util.List;

/** Where pickers get their choices (the database, through the directory). Called off the FX thread. */
@FunctionalInterface
public interface ChoiceSource {
    List<IdChoice> find(IdKind kind, String query) throws Exception;
}
