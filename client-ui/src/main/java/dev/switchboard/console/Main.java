package dev.switchboard.console;

import javafx.application.Application;

/**
 * Entry point for {@code java -cp … dev.switchboard.console.Main}: a class that does not extend
 * {@code Application}, so JavaFX starts from the class path without a module path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Application.launch(ConsoleApp.class, args);
    }
}
